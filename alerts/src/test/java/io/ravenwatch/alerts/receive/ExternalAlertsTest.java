package io.ravenwatch.alerts.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.receive.ExternalAlerts.MalformedPayload;
import io.ravenwatch.alerts.receive.ExternalAlerts.Source;
import io.ravenwatch.testkit.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalAlertsTest {
  private final MutableClock clock = MutableClock.at("2025-03-01T11:00:00Z");
  private final ExternalAlerts alerts = new ExternalAlerts(clock);

  static byte[] resource(String name) {
    try (InputStream in = ExternalAlertsTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Observation> parse(String json, Source source) throws MalformedPayload {
    return alerts.parse(json.getBytes(StandardCharsets.UTF_8), source);
  }

  @Test
  void alertmanagerAlertsBecomeObservations() throws MalformedPayload {
    List<Observation> observations =
        alerts.parse(resource("alertmanager-webhook.json"), Source.ALERTMANAGER);

    assertThat(observations).hasSize(2);
    Observation firing = observations.getFirst();
    assertThat(firing.rule()).isEqualTo("DiskFull");
    assertThat(firing.severity()).isEqualTo(Severity.WARNING);
    assertThat(firing.active()).isTrue();
    assertThat(firing.forDuration()).isEqualTo(Duration.ZERO);
    assertThat(firing.keepFiringFor()).isEqualTo(Duration.ZERO);
    assertThat(firing.labels())
        .isEqualTo(
            Labels.of(
                "alertname",
                "DiskFull",
                "instance",
                "db1:9100",
                "job",
                "node",
                "mountpoint",
                "/var",
                "severity",
                "warning",
                "source",
                "db1:9100"));
    assertThat(firing.annotations())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "summary", "/var on db1 is 97% full",
                "description", "3 GiB left",
                "runbook_url", "https://wiki.example.org/disk",
                "generator_url",
                    "http://prometheus.example.org:9090/graph?g0.expr=node_filesystem_avail_bytes"));
    assertThat(firing.value()).isNull();
    assertThat(firing.at()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123456789Z"));

    Observation resolved = observations.get(1);
    assertThat(resolved.active()).isFalse();
    assertThat(resolved.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(resolved.labels().get("source")).isEqualTo("db2.example.org"); // kept, not replaced
    assertThat(resolved.at()).isEqualTo(Instant.parse("2025-03-01T09:30:00Z"));
  }

  @Test
  void sameAlertGivesTheSameFingerprintEachTime() throws MalformedPayload {
    var first = alerts.parse(resource("alertmanager-webhook.json"), Source.ALERTMANAGER);
    clock.advance(Duration.ofMinutes(5));
    var again = alerts.parse(resource("alertmanager-webhook.json"), Source.ALERTMANAGER);

    assertThat(again.getFirst().fingerprint()).isEqualTo(first.getFirst().fingerprint());
  }

  @Test
  void grafanaRecordedPayloadBecomesObservations() throws MalformedPayload {
    List<Observation> observations = alerts.parse(resource("grafana-webhook.json"), Source.GRAFANA);

    assertThat(observations).hasSize(2);
    Observation firing = observations.getFirst();
    assertThat(firing.rule()).isEqualTo("High memory usage");
    assertThat(firing.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(firing.active()).isTrue();
    assertThat(firing.labels().map())
        .doesNotContainKey("__alert_rule_uid__")
        .containsEntry("grafana_folder", "Infrastructure")
        .containsEntry("source", "web1:9100");
    assertThat(firing.value()).isEqualTo(93.21450805664062); // the reduction, not the threshold
    assertThat(firing.at()).isEqualTo(Instant.parse("2025-03-01T09:51:03.157076Z"));
    assertThat(firing.annotations())
        .containsEntry("summary", "Memory on web1 above 90%")
        .containsEntry("runbook_url", "https://wiki.example.org/runbooks/memory")
        .containsEntry("dashboard_url", "https://grafana.example.org/d/rYdddlPWk?orgId=1")
        .containsEntry("panel_url", "https://grafana.example.org/d/rYdddlPWk?orgId=1&viewPanel=4");

    Observation resolved = observations.get(1);
    assertThat(resolved.active()).isFalse();
    assertThat(resolved.severity()).isEqualTo(Severity.WARNING);
    assertThat(resolved.labels().get("severity")).isEqualTo("warning");
    assertThat(resolved.value()).isEqualTo(71.5);
    assertThat(resolved.at()).isEqualTo(Instant.parse("2025-03-01T09:58:03Z"));
    // No annotations of its own: the payload's title and message stand in.
    assertThat(resolved.annotations().get("summary"))
        .isEqualTo("[FIRING:1, RESOLVED:1] High memory usage Infrastructure (blue)");
    assertThat(resolved.annotations().get("description")).startsWith("**Firing**");
    assertThat(resolved.annotations()).doesNotContainKeys("dashboard_url", "panel_url");
  }

  @Test
  void missingOrFutureTimesAreObservedNow() throws MalformedPayload {
    var observations =
        parse(
            """
            {"alerts": [
              {"status": "firing", "labels": {"alertname": "A"}},
              {"status": "firing", "labels": {"alertname": "B"}, "startsAt": "2030-01-01T00:00:00Z"},
              {"status": "resolved", "labels": {"alertname": "C"}, "endsAt": "0001-01-01T00:00:00Z"}
            ]}
            """,
            Source.ALERTMANAGER);

    assertThat(observations).extracting(Observation::at).containsOnly(clock.instant());
  }

  @Test
  void malformedPayloadsAreRefusedWithAReason() {
    assertThatThrownBy(() -> parse("{\"alerts\": [", Source.ALERTMANAGER))
        .isInstanceOf(MalformedPayload.class)
        .hasMessageStartingWith("not JSON: ");
    assertThatThrownBy(() -> parse("{\"status\": \"firing\"}", Source.ALERTMANAGER))
        .hasMessage("expected an 'alerts' array");
    assertThatThrownBy(() -> parse("[]", Source.GRAFANA)).hasMessage("expected a JSON object");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"alerts\": [{\"status\": \"pending\", \"labels\": {\"a\": \"b\"}}]}",
                    Source.ALERTMANAGER))
        .hasMessage("alerts[0].status: expected firing or resolved, found 'pending'");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"alerts\": [{\"status\": \"firing\", \"labels\": {\"a\": [1]}}]}",
                    Source.ALERTMANAGER))
        .hasMessage("alerts[0].labels.a: expected a string");
    assertThatThrownBy(() -> parse("{\"alerts\": [{\"status\": \"firing\"}]}", Source.ALERTMANAGER))
        .hasMessage("alerts[0].labels: expected at least one label");
  }
}
