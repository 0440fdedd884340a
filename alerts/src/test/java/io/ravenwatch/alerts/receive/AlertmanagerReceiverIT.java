package io.ravenwatch.alerts.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.testkit.AlertmanagerServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real Prometheus Alertmanager sends its webhooks to our receiver. */
class AlertmanagerReceiverIT {
  private final List<Observation> received = new CopyOnWriteArrayList<>();
  private AlertReceiverServer receiver;
  private AlertmanagerServer alertmanager;

  @BeforeEach
  void start() {
    receiver =
        AlertReceiverServer.start(
            new ReceiverSettings("127.0.0.1:0", Secret.literal("am-token")),
            received::add,
            Clock.systemUTC());
    alertmanager =
        AlertmanagerServer.launch(receiver.baseUri() + "/api/v1/alerts/alertmanager", "am-token");
  }

  @AfterEach
  void stop() {
    if (alertmanager != null) {
      alertmanager.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private static String alert(Instant startsAt, Instant endsAt) {
    return """
        [{
          "labels": {"alertname": "HostDown", "instance": "web1:9100", "severity": "critical"},
          "annotations": {"summary": "web1 does not answer", "runbook_url": "https://wiki/hostdown"},
          "startsAt": "%s",
          %s
          "generatorURL": "http://prometheus.example.org/graph?g0.expr=up%%3D%%3D0"
        }]
        """
        .formatted(startsAt, endsAt == null ? "" : "\"endsAt\": \"" + endsAt + "\",");
  }

  @Test
  void firingThenResolvedAlertsArriveAsObservations() {
    Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);

    alertmanager.postAlerts(alert(startsAt, null));

    await()
        .atMost(Duration.ofSeconds(20))
        .failFast(() -> received.stream().anyMatch(o -> !o.active()))
        .until(() -> !received.isEmpty());
    Observation firing = received.getFirst();
    assertThat(firing.rule()).isEqualTo("HostDown");
    assertThat(firing.active()).isTrue();
    assertThat(firing.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(firing.labels().get("source")).isEqualTo("web1:9100");
    assertThat(firing.annotations())
        .containsEntry("summary", "web1 does not answer")
        .containsEntry("runbook_url", "https://wiki/hostdown")
        .containsEntry("generator_url", "http://prometheus.example.org/graph?g0.expr=up%3D%3D0");
    assertThat(firing.at()).isEqualTo(startsAt);

    Instant endsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    alertmanager.postAlerts(alert(startsAt, endsAt));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> received.stream().anyMatch(o -> !o.active()));
    Observation resolved = received.stream().filter(o -> !o.active()).findFirst().orElseThrow();
    assertThat(resolved.fingerprint()).isEqualTo(firing.fingerprint());
    assertThat(resolved.at()).isEqualTo(endsAt);
  }
}
