package io.ravenwatch.bot.command.failover;

import static io.ravenwatch.bot.command.failover.FailoverBed.ALICE;
import static io.ravenwatch.bot.command.failover.FailoverBed.VIC;
import static io.ravenwatch.bot.command.failover.FailoverBed.button;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.command.RecordingReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailoverCommandTest {
  private static final String YAML =
      """
      hosts:
        app-a: {address: 127.0.0.1}
        app-b: {address: 127.0.0.2}
      services:
        app: {address: 127.0.0.1}
      failover:
        services:
          app:
            primary: a
            standbys: [b]
            nodes:
              a: {host: 127.0.0.1, target: app-a}
              b: {host: 127.0.0.2, target: app-b}
            steps:
              - {type: command, argv: [/bin/echo, "switch to {{standby}}"]}
      """;

  @TempDir Path dataDir;
  private FailoverBed bed;

  @BeforeEach
  void start() {
    bed = new FailoverBed(YAML, dataDir, Map.of());
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  @Test
  @DisplayName("unmet preconditions show in the plan, and a confirmed run does nothing")
  void unmetPreconditionsStopTheRun() throws Exception {
    bed.healthy("app-b", 2); // 3 are needed

    ChatMessage plan = bed.slash(ALICE, Map.of("service", "app")).only();
    assertThat(plan.embeds().getFirst().description())
        .contains("❌ b healthy for the last 3 probe results — only 2 results of app-b so far");
    assertThat(plan.embeds().getFirst().footer())
        .isEqualTo("Preconditions not met: confirming will not run it.");

    RecordingReply run = bed.press(ALICE, button(plan, "Confirm"));

    assertThat(run.sent)
        .last()
        .satisfies(
            m -> {
              assertThat(m.ephemeral()).isTrue();
              assertThat(m.content())
                  .startsWith("Preconditions not met, nothing was done: b healthy for the last 3");
            });
    assertThat(run.edits).isEmpty();
    assertThat(bed.audited.getLast().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(Files.exists(dataDir.resolve("failover/active-nodes.properties"))).isFalse();
  }

  @Test
  @DisplayName("with the preconditions met it runs and records the active node for /status")
  void runsAndRecordsActiveNode() {
    bed.healthy("app-b", 3);
    assertThat(bed.status().embed().fields().getFirst().value())
        .isEqualTo("app: **a** active (the configured primary)");

    ChatMessage plan = bed.slash(ALICE, Map.of("service", "app", "to", "b")).only();
    RecordingReply run = bed.press(ALICE, button(plan, "Confirm"));

    assertThat(run.edits.getLast().embeds().getFirst().description())
        .contains("✅ 1. Run /bin/echo switch to b")
        .contains("exit 0: switch to b");
    assertThat(bed.status().embed().fields().getFirst().value())
        .isEqualTo("app: **b** active (failed over 0s ago by alice)");
    AuditEntry entry =
        bed.audited.stream().filter(e -> e.action().equals("/failover")).toList().getLast();
    assertThat(entry.outcome()).isEqualTo(Outcome.OK);
    assertThat(entry.before()).isEqualTo("active a; a role unknown, b role unknown");
    assertThat(entry.after()).isEqualTo("active b; a role unknown, b role unknown");
  }

  @Test
  @DisplayName("a caller without the failover capability is refused, even for a dry run")
  void refusesWithoutCapability() {
    RecordingReply reply = bed.slash(VIC, Map.of("service", "app", "dry_run", "true"));

    assertThat(reply.only().content())
        .isEqualTo("You need the `failover` permission for /failover.");
    assertThat(bed.audited.getLast().outcome()).isEqualTo(Outcome.REFUSED);
  }

  @Test
  @DisplayName("autocomplete offers the configured services and the standbys of the chosen one")
  void suggestsDeclaredNames() {
    assertThat(bed.dispatcher.autocomplete(ALICE, "failover", "service", "a"))
        .containsExactly("app");
    assertThat(
            bed.dispatcher.suggest(ALICE, "failover", "to", "", Map.of("service", "app")).stream()
                .map(s -> s.value()))
        .containsExactly("b");
  }
}
