package io.ravenwatch.bot.command.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.command.CommandFixture;
import io.ravenwatch.bot.command.Format;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AlertsCommandTest {
  private static final String YAML =
      """
      hosts:
        web1: {address: 127.0.0.1, region: eu-west, probes: [{type: ping}]}
        db1: {address: 127.0.0.2, region: eu-west, probes: [{type: ping}]}
      """;

  private final CommandFixture fx = new CommandFixture(YAML);

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  @DisplayName("'/alerts' lists active alerts worst first with target, since and ack state")
  void listsWorstFirst() throws Exception {
    fx.fire("disk_usage_high", Severity.WARNING, "web1", "web1: / is 95% full", "path", "/");
    fx.clock.advance(Duration.ofMinutes(10));
    String down = fx.fire("host_down", Severity.CRITICAL, "db1", "db1 is down");
    fx.fire("tls_certificate_expiring", Severity.INFO, "web1", "web1: cert expires in 20 days");
    String gone =
        fx.fire("service_down_http", Severity.CRITICAL, "web1", "web1 http down", "server", "x");
    fx.clear("service_down_http", Severity.CRITICAL, "web1", "server", "x");
    fx.engine.acks().ack(down, "bob", "rebooting");
    fx.clock.advance(Duration.ofMinutes(2));

    ChatMessage.Embed embed = fx.run(new AlertsCommand(fx.context), "", Map.of()).embed();

    assertThat(embed.title()).isEqualTo("Active alerts (3)");
    assertThat(embed.color()).isEqualTo(Format.RED);
    List<String> lines = embed.description().lines().toList();
    assertThat(lines)
        .satisfiesExactly(
            l ->
                assertThat(l)
                    .isEqualTo(
                        "🔴 **db1** db1 is down · since 2m ago · ✋ acked by bob · `" + down + "`"),
            l -> assertThat(l).startsWith("🟠 **web1** web1: / is 95% full · since 12m ago · `"),
            l -> assertThat(l).startsWith("🔵 **web1** web1: cert expires in 20 days"));
    assertThat(embed.description()).doesNotContain(gone);
  }

  @Test
  @DisplayName("'/alerts warning' shows only warnings; nothing firing says so")
  void severityFilter() throws Exception {
    fx.fire("host_down", Severity.CRITICAL, "db1", "db1 is down");
    var alerts = new AlertsCommand(fx.context);
    assertThat(fx.run(alerts, "", Map.of("severity", "warning")).embed().description())
        .isEqualTo("Nothing is firing. 🎉");
    assertThat(fx.run(alerts, "", Map.of("severity", "critical")).embed().title())
        .isEqualTo("Active critical alerts (1)");
  }

  @Test
  @DisplayName("a severity that is no choice is refused")
  void badSeverity() {
    assertThatThrownBy(
            () -> fx.run(new AlertsCommand(fx.context), "", Map.of("severity", "urgent")))
        .isInstanceOf(CommandException.class)
        .hasMessage("Severity is one of critical, warning, info, not `urgent`.");
    assertThat(new AlertsCommand(fx.context).spec().options().getFirst().choices())
        .containsExactly("critical", "warning", "info");
  }
}
