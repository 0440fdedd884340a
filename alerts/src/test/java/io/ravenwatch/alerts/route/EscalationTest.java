package io.ravenwatch.alerts.route;

import static io.ravenwatch.alerts.route.RouterHarness.labels;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notification.Kind;
import io.ravenwatch.alerts.api.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationTest {

  private final RouterHarness h =
      new RouterHarness(
          RouteSettings.DEFAULT.withEscalation(
              new RouteSettings.Escalation(Duration.ofMinutes(15), "oncall", "<@&42>")),
          List.of());

  @Test
  void unackedCriticalAlertEscalatesAfterFifteenMinutesOnce() {
    h.fire(labels("host_down", "db1"), Severity.CRITICAL);
    h.advance(Duration.ofSeconds(5));
    h.advanceMinutes(14);
    assertThat(h.sent(Kind.ESCALATION)).isEmpty();

    h.advanceMinutes(1);
    h.advanceMinutes(120);

    List<Notification> escalations = h.sent(Kind.ESCALATION);
    assertThat(escalations).hasSize(1);
    assertThat(escalations.getFirst().receiver()).isEqualTo("oncall");
    assertThat(escalations.getFirst().mention()).isEqualTo("<@&42>");
  }

  @Test
  void acknowledgedCriticalAlertDoesNotEscalate() {
    String fp = h.fire(labels("host_down", "db1"), Severity.CRITICAL);
    h.advance(Duration.ofSeconds(5));
    h.acks.ack(fp, "alice", "on it");
    h.advanceMinutes(60);

    assertThat(h.sent(Kind.ESCALATION)).isEmpty();
  }

  @Test
  void warningsDoNotEscalate() {
    h.fire(labels("disk_full", "db1"), Severity.WARNING);
    h.advanceMinutes(60);

    assertThat(h.sent(Kind.ESCALATION)).isEmpty();
  }

  @Test
  void aNewIncidentMayEscalateAgain() {
    var lbl = labels("host_down", "db1");
    h.fire(lbl, Severity.CRITICAL);
    h.advanceMinutes(16);
    h.resolve(lbl);
    h.advanceMinutes(5);

    h.fire(lbl, Severity.CRITICAL);
    h.advanceMinutes(16);

    assertThat(h.sent(Kind.ESCALATION)).hasSize(2);
  }
}
