package io.ravenwatch.bot.discord.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.bot.command.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

/** The incident message's content and Discord's limits, without Discord. */
class AlertCardTest {
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  static AlertSummary alert(String target, Severity s, String measurement, String summary) {
    return new AlertSummary(
        "fp-" + Integer.toHexString(target.hashCode()),
        "host_down",
        Labels.of("alertname", "host_down", "source", target, "region", "eu-west"),
        s,
        AlertState.FIRING,
        T0,
        1.0,
        Map.of("summary", summary, "measurement", measurement),
        null);
  }

  static Notification notification(
      Notification.Kind kind, List<AlertSummary> alerts, int suppressed, String cause) {
    return new Notification(
        7,
        "discord",
        kind,
        "group-key",
        Labels.of("alertname", "host_down", "region", "eu-west"),
        alerts.getFirst().severity(),
        alerts,
        suppressed,
        cause,
        "",
        null,
        T0.plus(Duration.ofMinutes(12)));
  }

  @Test
  void namesTheDownDependencyAndHowManyAlertsItSuppresses() {
    var n =
        notification(
            Notification.Kind.FIRING,
            List.of(alert("switch1", Severity.CRITICAL, "ping", "switch1 is down")),
            20,
            "switch1");

    MessageEmbed embed = AlertCard.firing(n, T0, "");

    assertThat(embed.getDescription())
        .contains("**switch1** is down — 20 dependent alerts suppressed");
    assertThat(embed.getColorRaw()).isEqualTo(Format.RED);
  }

  @Test
  void aHugeGroupStaysWithinEveryLimitAndSaysHowManyMore() {
    var alerts = new ArrayList<AlertSummary>();
    for (int i = 0; i < 60; i++) {
      alerts.add(alert("web" + i + "-".repeat(80), Severity.WARNING, "ping", "x".repeat(900)));
    }
    var n = notification(Notification.Kind.UPDATE, alerts, 0, "");

    MessageEmbed embed = AlertCard.firing(n, T0, "✋ Acknowledged by " + "a".repeat(500));

    assertThat(embed.getLength()).isLessThanOrEqualTo(6000);
    assertThat(embed.getDescription().length()).isLessThanOrEqualTo(4096);
    assertThat(embed.getTitle().length()).isLessThanOrEqualTo(256);
    assertThat(embed.getFields()).hasSizeLessThanOrEqualTo(25);
    assertThat(embed.getDescription()).containsPattern("\\+\\d+ more$");
    assertThat(embed.isSendable()).isTrue();
  }

  @Test
  void aResolvedIncidentIsGreenWithItsDuration() {
    var n =
        notification(
            Notification.Kind.RESOLVED,
            List.of(alert("web1", Severity.CRITICAL, "ping", "web1 is down")),
            0,
            "");

    MessageEmbed embed = AlertCard.resolved(n, T0, "");

    assertThat(embed.getColorRaw()).isEqualTo(Format.GREEN);
    assertThat(embed.getTitle()).startsWith("✅ Resolved: host_down · eu-west");
    assertThat(embed.getDescription()).startsWith("**Resolved after 12m**");
  }

  @Test
  void theGraphButtonFollowsTheRulesMeasurement() {
    assertThat(graphId("net_response")).isEqualTo("cmd:graph:web1:tcp");
    assertThat(graphId("http_response")).isEqualTo("cmd:graph:web1:http");
    assertThat(graphId("ipmi_sensor")).isEqualTo("cmd:graph:web1:ipmi");
    assertThat(graphId("system")).isEqualTo("cmd:graph:web1:load");
    assertThat(graphId("snmp")).isEqualTo("cmd:graph:web1:load");
    assertThat(graphId("disk")).isEqualTo("cmd:graph:web1:disk");
    assertThat(graphId("something_else")).isNull();
  }

  private static String graphId(String measurement) {
    var n =
        notification(
            Notification.Kind.FIRING,
            List.of(alert("web1", Severity.WARNING, measurement, "web1 is slow")),
            0,
            "");
    return buttons(AlertCard.buttons(n)).stream()
        .map(Button::getCustomId)
        .filter(id -> id != null && id.startsWith("cmd:graph:"))
        .findFirst()
        .orElse(null);
  }

  @Test
  void aButtonWhoseIdWouldPassDiscordsLimitIsLeftOut() {
    var n =
        notification(
            Notification.Kind.FIRING,
            List.of(alert("t".repeat(120), Severity.WARNING, "ping", "slow")),
            0,
            "");

    List<Button> buttons = buttons(AlertCard.buttons(n));

    assertThat(buttons)
        .extracting(Button::getLabel)
        .doesNotContain("Graph")
        .contains("Acknowledge");
    assertThat(buttons).allSatisfy(b -> assertThat(b.getCustomId()).hasSizeLessThanOrEqualTo(100));
  }

  private static List<Button> buttons(List<ActionRow> rows) {
    return rows.stream().flatMap(r -> r.getButtons().stream()).toList();
  }

  @Test
  void anIncidentReferenceSurvivesTheRoundTripThroughTheOutbox() {
    var ref = new IncidentRef("200", "300", "300", T0);

    assertThat(IncidentRef.parse(ref.toString(), "999")).isEqualTo(ref);
    assertThat(IncidentRef.parse("300", "999")).isEqualTo(new IncidentRef("999", "300", "", null));
    assertThatThrownBy(() -> IncidentRef.parse("msg-7", "999"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
