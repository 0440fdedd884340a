package io.ravenwatch.bot.command.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.command.CommandFixture;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.probes.api.ProbeResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatusCommandTest {
  private static final String YAML =
      """
      hosts:
        web1: {address: 127.0.0.1, region: eu-west, group: web, probes: [{type: ping}]}
        web2: {address: 127.0.0.2, region: eu-west, group: web, probes: [{type: ping}]}
        db1: {address: 127.0.0.3, region: us-east, group: db, probes: [{type: ping}]}
        db2: {address: 127.0.0.4, region: us-east, group: db, probes: [{type: ping}]}
        cache1: {address: 127.0.0.5, region: us-east, probes: [{type: ping}]}
      """;

  private CommandFixture fx;

  @AfterEach
  void close() {
    if (fx != null) {
      fx.close();
    }
  }

  private void result(String target, boolean ok) {
    fx.lastResults.onResult(
        new ProbeResult(
            target,
            "ping",
            "ping",
            fx.clock.instant(),
            Duration.ofMillis(2),
            ok ? ProbeResult.Status.OK : ProbeResult.Status.FAILED,
            ok ? "" : "100% packet loss",
            List.of()));
  }

  @Test
  @DisplayName("'/status' lists every target worst first, coloured by the worst state")
  void worstFirst() throws Exception {
    fx = new CommandFixture(YAML);
    result("web1", true);
    result("web2", true);
    result("db2", false);
    result("cache1", true);
    fx.fire("disk_usage_high", Severity.WARNING, "web2", "web2: / is 93% full", "path", "/");
    fx.clock.advance(Duration.ofMinutes(5));
    fx.fire("host_down", Severity.CRITICAL, "cache1", "cache1 is down");

    ChatMessage.Embed embed = fx.run(new StatusCommand(fx.context), "", Map.of()).embed();

    assertThat(embed.color()).isEqualTo(Format.RED);
    assertThat(embed.title()).isEqualTo("Status: all 5 targets");
    List<String> lines = embed.description().lines().skip(2).toList();
    assertThat(lines)
        .hasSize(5)
        .satisfiesExactly(
            l -> assertThat(l).startsWith("🔴 **cache1** critical — cache1 is down, 0s ago"),
            l -> assertThat(l).startsWith("🟠 **web2** warning — web2: / is 93% full, 5m ago"),
            l -> assertThat(l).startsWith("🟡 **db2** failing — ping: 100% packet loss"),
            l -> assertThat(l).startsWith("⚪ **db1** unknown — no result yet"),
            l -> assertThat(l).startsWith("🟢 **web1** ok — 1 probe ok"));
    assertThat(embed.description())
        .startsWith("1 critical · 1 warning · 1 failing · 1 unknown · 1 ok");
  }

  @Test
  @DisplayName(
      "'/status db' shows only the group; a region works too; a resolved alert is ok again")
  void scopes() throws Exception {
    fx = new CommandFixture(YAML);
    result("db1", true);
    fx.fire("host_down", Severity.CRITICAL, "db1", "db1 is down");
    var status = new StatusCommand(fx.context);

    ChatMessage.Embed group = fx.run(status, "", Map.of("scope", "db")).embed();
    assertThat(group.title()).isEqualTo("Status: group db");
    assertThat(group.description())
        .contains("**db1** critical", "**db2** unknown")
        .doesNotContain("web1");

    fx.clear("host_down", Severity.CRITICAL, "db1");
    ChatMessage.Embed region = fx.run(status, "", Map.of("scope", "us-east")).embed();
    assertThat(region.title()).isEqualTo("Status: region us-east");
    assertThat(region.description()).contains("**db1** ok", "cache1").doesNotContain("web");

    ChatMessage.Embed one = fx.run(status, "", Map.of("scope", "web1")).embed();
    assertThat(one.title()).isEqualTo("Status: web1");
    assertThat(one.color()).isEqualTo(Format.GREY);
  }

  @Test
  @DisplayName("an unknown scope is refused with a short reason")
  void unknownScope() {
    fx = new CommandFixture(YAML);
    assertThatThrownBy(() -> fx.run(new StatusCommand(fx.context), "", Map.of("scope", "nope")))
        .isInstanceOf(CommandException.class)
        .hasMessage("No target, group or region is named `nope`.");
  }

  @Test
  @DisplayName("a status of 60 targets stays within Discord's limits and ends with '+N more'")
  void sixtyTargets() throws Exception {
    var yaml = new StringBuilder("hosts:\n");
    for (int i = 0; i < 60; i++) {
      yaml.append("  host-with-a-rather-long-name-")
          .append(String.format("%02d", i))
          .append(": {address: 10.0.0.")
          .append(i + 1)
          .append(", group: g, probes: [{type: ping}]}\n");
    }
    fx = new CommandFixture(yaml.toString());
    for (int i = 0; i < 60; i++) {
      String name = "host-with-a-rather-long-name-" + String.format("%02d", i);
      fx.fire(
          "host_down",
          i % 2 == 0 ? Severity.CRITICAL : Severity.WARNING,
          name,
          name + " does not answer ping: 100% packet loss from the collector in the basement rack");
    }

    ChatMessage message = fx.run(new StatusCommand(fx.context), "", Map.of()).only();

    ChatMessage.Embed embed = message.embeds().getFirst();
    assertThat(embed.description().length()).isLessThanOrEqualTo(Limits.DESCRIPTION);
    assertThat(embed.fields().size()).isLessThanOrEqualTo(Limits.FIELDS);
    assertThat(Limits.size(message)).isLessThanOrEqualTo(Limits.TOTAL);
    assertThat(Limits.fits(message)).isTrue();
    assertThat(embed.description()).startsWith("30 critical · 30 warning");
    assertThat(embed.description()).containsPattern("\n\\+\\d+ more$");
    // The cut keeps the worst: every critical line comes before the first warning one.
    List<String> lines = embed.description().lines().skip(2).toList();
    int firstWarning =
        lines.indexOf(lines.stream().filter(l -> l.startsWith("🟠")).findFirst().orElse(""));
    assertThat(lines.subList(0, Math.max(0, firstWarning))).allMatch(l -> l.startsWith("🔴"));
    int shown = lines.size() - 1;
    assertThat(lines.getLast()).isEqualTo("+" + (60 - shown) + " more");
  }

  @Test
  @DisplayName("scope completion offers targets, groups and regions by prefix then substring")
  void completion() {
    fx = new CommandFixture(YAML);
    var status = new StatusCommand(fx.context);
    assertThat(status.complete("scope", "d")).containsExactly("db1", "db2", "db");
    assertThat(status.complete("scope", "east")).containsExactly("us-east");
    assertThat(status.complete("scope", "")).hasSize(5 + 2 + 2);
    assertThat(status.complete("other", "d")).isEmpty();
  }
}
