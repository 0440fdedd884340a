package io.ravenwatch.bot.command.failover;

import static io.ravenwatch.bot.command.failover.FailoverBed.ALICE;
import static io.ravenwatch.bot.command.failover.FailoverBed.BOB;
import static io.ravenwatch.bot.command.failover.FailoverBed.button;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.command.RecordingReply;
import io.ravenwatch.testkit.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /failover} of a real Redis primary/replica pair, through the real dispatcher. */
class FailoverRedisIT {
  private static final String PASSWORD = "s3cretRedisPw";

  @TempDir Path dataDir;
  private RedisServer a;
  private RedisServer b;
  private FailoverBed bed;

  @BeforeEach
  void start() {
    a = RedisServer.launch(PASSWORD);
    b = RedisServer.replicaOf(a, PASSWORD);
    a.command("SET", "before", "1");
    await().atMost(Duration.ofSeconds(10)).until(() -> "1".equals(b.command("GET", "before")));
    bed = bed();
    bed.healthy("cache-a", 3);
    bed.healthy("cache-b", 3);
  }

  private FailoverBed bed() {
    String yaml =
        """
        hosts:
          cache-a: {address: 127.0.0.1, probes: [{type: net_response, port: %1$d}]}
          cache-b: {address: 127.0.0.1, probes: [{type: net_response, port: %2$d}]}
        services:
          cache: {address: 127.0.0.1, probes: [{type: net_response, port: %1$d}]}
        failover:
          services:
            cache:
              primary: redis-a
              standbys: [redis-b]
              nodes:
                redis-a: {host: 127.0.0.1, target: cache-a, redis: {port: %1$d, password: "${REDIS_PASSWORD}"}}
                redis-b: {host: 127.0.0.1, target: cache-b, redis: {port: %2$d, password: "${REDIS_PASSWORD}"}}
              preconditions: {healthy_probes: 3, max_replication_lag: 30s}
              steps:
                - {type: redis_promote}
                - {type: command, argv: [/bin/echo, "clients now go to {{standby.host}}"]}
              post_checks:
                - {type: redis_role}
                - {type: redis_role, node: "{{primary}}", expect: replica}
                - {type: probes}
            broken:
              target: cache
              primary: redis-a
              standbys: [redis-b]
              preconditions: {healthy_probes: 0}
              nodes:
                redis-a: {host: 127.0.0.1, redis: {port: %1$d, password: "${REDIS_PASSWORD}"}}
                redis-b: {host: 127.0.0.1, redis: {port: %2$d, password: "${REDIS_PASSWORD}"}}
              steps:
                - {type: command, argv: [/bin/echo, fenced]}
                - {type: http, method: PUT, url: "http://127.0.0.1:9/pools/cache?to={{standby}}"}
                - {type: redis_promote}
        """
            .formatted(a.port(), b.port());
    return new FailoverBed(yaml, dataDir, Map.of("REDIS_PASSWORD", PASSWORD));
  }

  @AfterEach
  void stop() {
    if (bed != null) {
      bed.close();
    }
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  private static String roleOf(RedisServer r) {
    return r.command("ROLE").lines().findFirst().orElse("");
  }

  @Test
  @DisplayName(
      "'/failover cache' shows the plan, runs after alice confirms, edits the reply step by step,"
          + " and writes land on the new primary")
  void failsOverRedisPair() {
    RecordingReply planned = bed.slash(ALICE, Map.of("service", "cache"));

    ChatMessage plan = planned.only();
    ChatMessage.Embed card = plan.embeds().getFirst();
    assertThat(card.title()).isEqualTo("Failover plan: cache");
    assertThat(card.description())
        .contains("From **redis-a** (active now) to **redis-b**.")
        .contains("✅ redis-b healthy for the last 3 probe results — 3 of 3 OK")
        .contains("✅ redis-b replication lag at most 30s — link up")
        .contains("1. Redis: promote redis-b (REPLICAOF NO ONE), re-point redis-a to it")
        .contains("2. Run /bin/echo clients now go to 127.0.0.1")
        .contains("1. Redis: redis-b is master")
        .contains("3. Probes of cache-b pass");
    assertThat(plan.content()).contains("Only alice can confirm this");
    assertThat(roleOf(b)).isEqualTo("slave"); // nothing ran yet

    RecordingReply run = bed.press(ALICE, button(plan, "Confirm"));

    assertThat(run.deferred).isFalse(); // slow: the dispatcher deferred publicly
    assertThat(run.sent).hasSize(1);
    assertThat(run.edits).hasSizeGreaterThanOrEqualTo(5);
    assertThat(run.sent.getFirst().embeds().getFirst().title()).isEqualTo("Failing over cache…");
    ChatMessage.Embed last = run.edits.getLast().embeds().getFirst();
    assertThat(last.title()).isEqualTo("Failover of cache done: redis-b is active");
    assertThat(last.description())
        .contains("✅ 1. Redis: promote redis-b")
        .contains("redis-b role master (was slave); redis-a role slave of redis-b")
        .contains("✅ 2. Run /bin/echo clients now go to 127.0.0.1")
        .contains("✅ 3. Probes of cache-b pass");

    // The new primary takes writes, and the old one replicates them.
    assertThat(roleOf(b)).isEqualTo("master");
    assertThat(b.command("SET", "after", "2")).isEqualTo("OK");
    await().atMost(Duration.ofSeconds(15)).until(() -> "2".equals(a.command("GET", "after")));
    assertThat(roleOf(a)).isEqualTo("slave");

    AuditEntry entry = bed.audited.getLast();
    assertThat(entry.outcome()).isEqualTo(Outcome.OK);
    assertThat(entry.action()).isEqualTo("/failover");
    assertThat(entry.callerName()).isEqualTo("alice");
    assertThat(entry.parameters()).containsEntry("service", "cache");
    assertThat(entry.before()).isEqualTo("active redis-a; redis-a master, redis-b replica");
    assertThat(entry.after()).isEqualTo("active redis-b; redis-a replica, redis-b master");
    assertThat(bed.incidents)
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("cache: Failover of cache from redis-a to redis-b: done in")
        .endsWith("redis-b is now the active node. (run by alice)");

    // /status shows the active node, and so does a restarted Ravenwatch (same data dir).
    assertThat(bed.status().embed().fields())
        .singleElement()
        .satisfies(f -> assertThat(f.value()).startsWith("cache: **redis-b** active (failed over"));
    bed.close();
    bed = bed();
    assertThat(bed.status().embed().fields().getFirst().value())
        .startsWith("cache: **redis-b** active (failed over 0s ago by alice)");

    // The next failover goes back the other way.
    ChatMessage back = bed.slash(ALICE, Map.of("service", "cache", "dry_run", "true")).only();
    assertThat(back.embeds().getFirst().description())
        .contains("From **redis-b** (active now) to **redis-a**.");

    var everything = new ArrayList<ChatMessage>(planned.sent);
    everything.addAll(run.sent);
    everything.addAll(run.edits);
    assertThat(FailoverBed.everything(everything) + bed.incidents + bed.audited)
        .doesNotContain(PASSWORD);
  }

  @Test
  @DisplayName("a Confirm pressed by someone else is refused, and nothing runs")
  void refusesAnotherUsersConfirm() {
    ChatMessage plan = bed.slash(ALICE, Map.of("service", "cache")).only();

    RecordingReply refused = bed.press(BOB, button(plan, "Confirm"));

    assertThat(refused.only().ephemeral()).isTrue();
    assertThat(refused.only().content()).isEqualTo("Only alice can confirm this.");
    assertThat(bed.audited.getLast().outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(bed.audited.getLast().callerName()).isEqualTo("bob");
    assertThat(roleOf(b)).isEqualTo("slave");
    assertThat(roleOf(a)).isEqualTo("master");
  }

  @Test
  @DisplayName(
      "'/failover cache dry_run:true' shows the plan without a Confirm button and runs nothing")
  void dryRunRunsNothing() {
    RecordingReply reply = bed.slash(ALICE, Map.of("service", "cache", "dry_run", "true"));

    ChatMessage.Embed card = reply.embed();
    assertThat(card.title()).isEqualTo("Dry run — failover plan: cache");
    assertThat(card.footer()).isEqualTo("Dry run: nothing was run.");
    assertThat(reply.only().buttons()).isEmpty();
    assertThat(reply.edits).isEmpty();
    assertThat(roleOf(b)).isEqualTo("slave");
    assertThat(roleOf(a)).isEqualTo("master");
    assertThat(bed.incidents).isEmpty();
    assertThat(bed.audited.getLast().outcome()).isEqualTo(Outcome.OK);
    assertThat(bed.audited.getLast().parameters()).containsEntry("dry_run", "true");
  }

  @Test
  @DisplayName(
      "a failing step midway stops the failover and reports what was done and what was not")
  void failingStepAbortsAndReports() {
    ChatMessage plan = bed.slash(ALICE, Map.of("service", "broken")).only();

    RecordingReply run = bed.press(ALICE, button(plan, "Confirm"));

    ChatMessage.Embed last = run.edits.getLast().embeds().getFirst();
    assertThat(last.title()).isEqualTo("Failover of broken stopped at step 2");
    assertThat(last.description())
        .contains("✅ 1. Run /bin/echo fenced")
        .contains("❌ 2. HTTP: PUT http://127.0.0.1:9/pools/cache?to=redis-b")
        .contains(
            "⏭️ 3. Redis: promote redis-b (REPLICAOF NO ONE), re-point redis-a to it — not run");
    assertThat(last.footer())
        .contains("Done: 1. Run /bin/echo fenced")
        .contains("Not done: 3. Redis: promote redis-b");
    // The error reason comes ephemerally too, and the audit says it failed.
    List<ChatMessage> ephemeral = run.sent.stream().filter(ChatMessage::ephemeral).toList();
    assertThat(ephemeral)
        .singleElement()
        .satisfies(m -> assertThat(m.content()).contains("stopped at step 2"));
    AuditEntry entry = bed.audited.getLast();
    assertThat(entry.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(entry.detail()).contains("Not done: 3. Redis: promote redis-b");
    assertThat(entry.after()).startsWith("active redis-a;");
    assertThat(bed.incidents).singleElement().asString().contains("stopped at step 2");
    // Step 3 never ran.
    assertThat(roleOf(b)).isEqualTo("slave");
  }

  @Test
  @DisplayName("chat input only selects declared services and nodes")
  void refusesUndeclaredNames() {
    RecordingReply unknown = bed.slash(ALICE, Map.of("service", "cache; rm -rf /"));
    assertThat(unknown.only().content())
        .isEqualTo("Unknown failover service `cache;rm-rf/`. Services: cache, broken.");

    RecordingReply badNode = bed.slash(ALICE, Map.of("service", "cache", "to", "redis-z"));
    assertThat(badNode.only().content())
        .isEqualTo("`redis-z` is not a node of cache. Standbys: redis-b.");
  }
}
