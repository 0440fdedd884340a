package io.ravenwatch.alerts.notify;

import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Notifications for tests. */
final class Notifications {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private Notifications() {}

  static AlertSummary hostDown(String host, String ackedBy) {
    Labels labels = Labels.of("alertname", "HostDown", "severity", "critical", "source", host);
    return new AlertSummary(
        labels.fingerprint(),
        "HostDown",
        labels,
        Severity.CRITICAL,
        AlertState.FIRING,
        T0.minusSeconds(60),
        1.0,
        Map.of("summary", host + " does not answer", "runbook_url", "https://wiki/hostdown"),
        ackedBy);
  }

  static Notification firing(String receiver) {
    return notification(receiver, Notification.Kind.FIRING, null);
  }

  static Notification notification(String receiver, Notification.Kind kind, Long replyTo) {
    return new Notification(
        0,
        receiver,
        kind,
        Labels.of("alertname", "HostDown").fingerprint(),
        Labels.of("alertname", "HostDown"),
        Severity.CRITICAL,
        List.of(hostDown("web1", null), hostDown("web2", "alice")),
        3,
        "switch1",
        "@oncall",
        replyTo,
        T0);
  }
}
