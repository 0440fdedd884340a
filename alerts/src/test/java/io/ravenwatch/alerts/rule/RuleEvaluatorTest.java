package io.ravenwatch.alerts.rule;

import static io.ravenwatch.alerts.rule.Results.T0;
import static io.ravenwatch.alerts.rule.Results.disk;
import static io.ravenwatch.alerts.rule.Results.ok;
import static io.ravenwatch.alerts.rule.Results.point;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.rule.function.RuleFunctions;
import io.ravenwatch.alerts.rule.function.SeriesHistory;
import io.ravenwatch.probes.api.Point;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

  private static RuleEvaluator evaluator(String yaml) {
    RuleSet set = RuleLoader.standard().load(List.of(new RuleSource("t.yml", yaml)), false);
    return new RuleEvaluator(
        set.enabled(), RuleFunctions.standard(), SeriesHistory.standard(), t -> null);
  }

  private static Point diskOf(String target, Map<String, String> tags, double used) {
    return Point.builder("disk", T0)
        .tags(tags)
        .tag("source", target)
        .tag("path", "/")
        .field("used_percent", used)
        .build();
  }

  @Test
  void appliesARuleOnlyToTargetsInItsScope() {
    RuleEvaluator e =
        evaluator(
            """
            rules:
              - name: eu_db_disk
                scope: {hosts: ["db*"], groups: [db], regions: [eu], tags: {tier: gold}}
                condition: disk.used_percent > 50
            """);
    Map<String, String> gold = Map.of("group", "db", "region", "eu", "tier", "gold");
    assertThat(e.evaluate(ok("db1", "disk", diskOf("db1", gold, 80)))).hasSize(1);
    assertThat(e.evaluate(ok("web1", "disk", diskOf("web1", gold, 80)))).isEmpty();
    assertThat(
            e.evaluate(
                ok(
                    "db2",
                    "disk",
                    diskOf("db2", Map.of("group", "db", "region", "us", "tier", "gold"), 80))))
        .isEmpty();
    assertThat(
            e.evaluate(ok("db3", "disk", diskOf("db3", Map.of("group", "db", "region", "eu"), 80))))
        .isEmpty();
    // The same target whose tags changed is looked at again, not served from the cache.
    assertThat(
            e.evaluate(
                ok(
                    "db1",
                    "disk",
                    diskOf("db1", Map.of("group", "web", "region", "eu", "tier", "gold"), 80))))
        .isEmpty();
  }

  @Test
  void skipsPointsOfOtherMeasurementsOrLackingAField() {
    RuleEvaluator e =
        evaluator("rules:\n  - name: r\n    condition: disk.inodes_used_percent > 90\n");
    assertThat(e.evaluate(ok("db1", "disk", disk("db1", "/", 95, T0)))).isEmpty();
    Point mem = point("db1", "mem", T0).field("used_percent", 99.0).build();
    assertThat(e.evaluate(ok("db1", "mem", mem))).isEmpty();
  }

  @Test
  void labelsKeepTargetAndSeriesTagsAndDropVolatileOnes() {
    RuleEvaluator e =
        evaluator(
            """
            rules:
              - name: web_slow
                condition: http_response.response_time > 1
                severity: critical
                labels: {team: web}
            """);
    Point slow500 =
        point("web", "http_response", T0)
            .tag("server", "https://web/")
            .tag("method", "GET")
            .tag("status_code", "500")
            .tag("result", "response_status_code_mismatch")
            .field("response_time", 2.5)
            .field("result_code", 6)
            .build();
    Point slow200 =
        point("web", "http_response", T0.plusSeconds(60))
            .tag("server", "https://web/")
            .tag("method", "GET")
            .tag("status_code", "200")
            .tag("result", "success")
            .field("response_time", 3.0)
            .field("result_code", 0)
            .build();
    Observation a = e.evaluate(ok("web", "http_response", slow500)).get(0);
    Observation b = e.evaluate(ok("web", "http_response", slow200)).get(0);
    assertThat(a.labels().map())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "alertname",
                "web_slow",
                "severity",
                "critical",
                "team",
                "web",
                "source",
                "web",
                "region",
                "eu",
                "group",
                "db",
                "role",
                "primary",
                "server",
                "https://web/",
                "method",
                "GET"));
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    assertThat(b.at()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void rendersValueTargetThresholdAndLabelsInAnnotations() {
    RuleEvaluator e =
        evaluator(
            """
            rules:
              - name: disk_hot
                condition: disk.used_percent > threshold
                threshold: 80
                runbook: https://wiki.example.com/disk
                annotations:
                  summary: "{{ target }}: {{ labels.path }} at {{ value }}% (limit {{ threshold }}%)"
                  description: "{{ rule }} in {{ labels.region }}{{ labels.missing }}"
            """);
    Observation o = e.evaluate(ok("db1", "disk", disk("db1", "/srv", 85.25, T0))).get(0);
    assertThat(o.active()).isTrue();
    assertThat(o.annotations())
        .containsEntry("summary", "db1: /srv at 85.25% (limit 80%)")
        .containsEntry("description", "disk_hot in eu")
        .containsEntry("runbook", "https://wiki.example.com/disk");
  }

  @Test
  void takesTheValueFromAValueExpression() {
    RuleEvaluator e =
        evaluator(
            """
            rules:
              - name: r
                condition: disk.mode == "ro"
                value: disk.used_percent / 100
            """);
    Point ro =
        point("db1", "disk", T0)
            .tag("path", "/")
            .tag("mode", "ro")
            .field("used_percent", 50.0)
            .build();
    Observation o = e.evaluate(ok("db1", "disk", ro)).get(0);
    assertThat(o.active()).isTrue();
    assertThat(o.value()).isEqualTo(0.5);
  }

  @Test
  void annotatesTheThresholdAndWhatWasMeasuredForNotifiers() {
    RuleEvaluator e =
        evaluator(
            """
            rules:
              - name: disk_hot
                condition: disk.used_percent > threshold
                threshold: 80
              - name: slow_probe
                condition: probe.elapsed_ms > 10
            """);
    List<Observation> all = e.evaluate(ok("db1", "disk", disk("db1", "/srv", 85.25, T0)));

    Observation disk =
        all.stream().filter(o -> o.rule().equals("disk_hot")).findFirst().orElseThrow();
    Observation probe =
        all.stream().filter(o -> o.rule().equals("slow_probe")).findFirst().orElseThrow();
    assertThat(disk.annotations())
        .containsEntry(RuleEvaluator.THRESHOLD, "80")
        .containsEntry(RuleEvaluator.MEASUREMENT, "disk");
    assertThat(probe.annotations())
        .doesNotContainKey(RuleEvaluator.THRESHOLD)
        .containsEntry(RuleEvaluator.MEASUREMENT, "disk"); // the probe type
  }

  @Test
  void probeRulesSeeTheProbeResultAndMeasurementRulesMayToo() {
    RuleEvaluator e =
        evaluator(
            """
            rules:
              - name: slow_probe
                condition: probe.elapsed_ms > 10 && probe.status == "OK"
              - name: ping_lossy
                condition: ping.percent_packet_loss > 20 && probe.name == "ping"
            """);
    Point lossy =
        point("db1", "ping", T0)
            .tag("url", "db1")
            .field("percent_packet_loss", 40.0)
            .field("result_code", 0)
            .build();
    List<Observation> all = e.evaluate(ok("db1", "ping", lossy));
    assertThat(all)
        .extracting(Observation::rule)
        .containsExactlyInAnyOrder("slow_probe", "ping_lossy");
    assertThat(all).allMatch(Observation::active);
    Observation probe =
        all.stream().filter(o -> o.rule().equals("slow_probe")).findFirst().orElseThrow();
    assertThat(probe.labels().map())
        .containsEntry("probe", "ping")
        .containsEntry("group", "db")
        .doesNotContainKey("url");
    assertThat(probe.value()).isEqualTo(12.0);
  }

  @Test
  void countsAConditionThatDoesNotGiveABooleanAsAnError() {
    RuleEvaluator e = evaluator("rules:\n  - name: r\n    condition: disk.used_percent + 1\n");
    assertThat(e.evaluate(ok("db1", "disk", disk("db1", "/", 10, T0)))).isEmpty();
    assertThat(e.errors()).isEqualTo(1);
  }

  private static final String PREDICT =
      "rules:\n  - name: full\n    condition: predict_linear(disk.used_percent, 24 * 3600) >= 100\n";

  private static List<Observation> feed(
      RuleEvaluator e, double start, double perHour, int samples) {
    List<Observation> last = List.of();
    for (int i = 0; i < samples; i++) {
      var at = T0.plus(Duration.ofMinutes(10L * i));
      last = e.evaluate(ok("db1", "disk", disk("db1", "/data", start + perHour * i / 6, at)));
    }
    return last;
  }

  @Test
  void predictsADiskFillingTwoPercentAnHourFullWithinADay() {
    Observation o = feed(evaluator(PREDICT), 60, 2, 7).get(0);
    assertThat(o.active()).isTrue();
    // 62 % now, +48 in 24 h.
    assertThat(o.value()).isCloseTo(110.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void aFlatDiskIsNotPredictedFull() {
    Observation o = feed(evaluator(PREDICT), 60, 0, 10).get(0);
    assertThat(o.active()).isFalse();
    assertThat(o.value()).isEqualTo(60.0);
  }

  @Test
  void tooFewSamplesPredictNothing() {
    Observation o = feed(evaluator(PREDICT), 60, 20, 4).get(0);
    assertThat(o.active()).isFalse();
    assertThat(o.value()).isNull();
  }

  @Test
  void keepsOneHistoryPerSeries() {
    RuleEvaluator e = evaluator(PREDICT);
    feed(e, 60, 2, 7);
    // Another path of the same host starts its own history: too few samples there.
    Observation other =
        e.evaluate(ok("db1", "disk", disk("db1", "/var", 99, T0.plusSeconds(7200)))).get(0);
    assertThat(other.active()).isFalse();
  }

  @Test
  void rateIsTheChangePerSecondOfACounter() {
    RuleEvaluator e =
        evaluator("rules:\n  - name: errors\n    condition: rate(interface.ifInErrors) > 1\n");
    Observation first = e.evaluate(ok("sw1", "snmp", errors(0, 100))).get(0);
    Observation second = e.evaluate(ok("sw1", "snmp", errors(60, 400))).get(0);
    assertThat(first.active()).isFalse();
    assertThat(second.active()).isTrue();
    assertThat(second.value()).isEqualTo(5.0);
  }

  private static Point errors(long seconds, long count) {
    return point("sw1", "interface", T0.plusSeconds(seconds))
        .tag("ifName", "ge-0/0/1")
        .field("ifInErrors", count)
        .build();
  }

  @Test
  void leavesOutInactiveObservationsOfAlertsNotTracked() {
    RuleEvaluator e =
        evaluator(
            """
            rules:
              - name: full
                condition: disk.used_percent > 90
              - name: nearly_full
                condition: disk.used_percent > 80
            """);
    var root = ok("db1", "disk", disk("db1", "/", 85, T0), disk("db1", "/var", 50, T0));
    String varFull =
        e.evaluate(root).stream()
            .filter(o -> o.rule().equals("full") && o.labels().get("path").equals("/var"))
            .findFirst()
            .orElseThrow()
            .fingerprint();
    var seen = new java.util.ArrayList<Observation>();

    // Nothing tracked: only the active observation (nearly_full of /) is made.
    e.evaluate(root, TrackedAlerts.of(rule -> false, f -> false), seen::add);
    assertThat(seen).singleElement().satisfies(o -> assertThat(o.rule()).isEqualTo("nearly_full"));

    // full tracks the alert of /var: its inactive observation comes, that of / does not.
    seen.clear();
    e.evaluate(
        root, TrackedAlerts.of(rule -> rule.equals("full"), f -> f.equals(varFull)), seen::add);
    assertThat(seen)
        .extracting(o -> o.rule() + " " + o.labels().get("path") + " " + o.active())
        .containsExactly("nearly_full / true", "full /var false");
  }
}
