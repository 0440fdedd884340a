package io.ravenwatch.alerts.rule;

import static io.ravenwatch.alerts.rule.Results.T0;
import static io.ravenwatch.alerts.rule.Results.disk;
import static io.ravenwatch.alerts.rule.Results.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.rule.function.RuleFunctions;
import io.ravenwatch.alerts.rule.function.SeriesHistory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesLabelsTest {
  private final Labels a = Labels.of("alertname", "a");
  private final Labels b = Labels.of("alertname", "b");

  private static Rule rule(String name) {
    return RuleLoader.standard()
        .load(
            List.of(
                new RuleSource(
                    "t.yml",
                    "rules:\n  - name: " + name + "\n    condition: disk.used_percent > 90\n")),
            false)
        .enabled()
        .getFirst();
  }

  @Test
  void keepsEachRulesLabelsOfASeries() {
    var cache = new SeriesLabels(10, 3_600_000);
    Rule r1 = rule("r1");
    Rule r2 = rule("r2");
    var series = cache.entry("disk", false, Map.of("path", "/"), 0);
    int i1 = series.add(r1, a);
    int i2 = series.add(r2, b);

    var again = cache.entry("disk", false, Map.of("path", "/"), 1000);

    assertThat(again).isSameAs(series);
    assertThat(again.find(r1)).isEqualTo(i1);
    assertThat(again.labels(again.find(r2))).isSameAs(b);
    assertThat(again.fingerprint(i2)).isEqualTo(b.fingerprint());
    assertThat(cache.entry("disk", false, Map.of("path", "/var"), 1000).find(r1)).isEqualTo(-1);
    assertThat(cache.entry("disk", true, Map.of("path", "/"), 1000).find(r1))
        .as("a probe-only series is another series")
        .isEqualTo(-1);
  }

  @Test
  void equalTagsInAnotherMapFindTheSameSeries() {
    var cache = new SeriesLabels(10, 3_600_000);
    var first = new java.util.TreeMap<>(Map.of("path", "/", "source", "db1", "group", "db"));
    var series = cache.entry("disk", false, java.util.Collections.unmodifiableSortedMap(first), 0);

    var again = new java.util.TreeMap<>(Map.of("group", "db", "source", "db1", "path", "/"));
    assertThat(cache.entry("disk", false, again, 0)).isSameAs(series);
    again.put("path", "/var");
    assertThat(cache.entry("disk", false, again, 0)).isNotSameAs(series);
    assertThat(cache.entry("disk", false, new java.util.TreeMap<>(Map.of("path", "/")), 0))
        .isNotSameAs(series);
  }

  @Test
  void dropsTheLeastRecentlyUsedBeyondItsBoundAndTheLongUnseen() {
    var cache = new SeriesLabels(2, 3_600_000);
    cache.entry("disk", false, Map.of("path", "/a"), 0);
    cache.entry("disk", false, Map.of("path", "/b"), 0);
    cache.entry("disk", false, Map.of("path", "/a"), 0);
    cache.entry("disk", false, Map.of("path", "/c"), 0);
    assertThat(cache.size()).isEqualTo(2);

    cache.entry("disk", false, Map.of("path", "/c"), 7_200_000);

    assertThat(cache.size()).as("/a unseen for two hours").isEqualTo(1);
  }

  @Test
  void anEvaluatedSeriesKeepsItsLabelsFromOneResultToTheNext() {
    var set =
        RuleLoader.standard()
            .load(
                List.of(
                    new RuleSource(
                        "t.yml",
                        "rules:\n  - name: full\n    condition: disk.used_percent > 90\n")),
                false);
    var evaluator =
        new RuleEvaluator(
            set.enabled(), RuleFunctions.standard(), SeriesHistory.standard(), t -> null);

    Observation first = evaluator.evaluate(ok("db1", "disk", disk("db1", "/", 95, T0))).getFirst();
    Observation second =
        evaluator.evaluate(ok("db1", "disk", disk("db1", "/", 50, T0.plusSeconds(60)))).getFirst();
    Observation other =
        evaluator.evaluate(ok("db1", "disk", disk("db1", "/var", 50, T0))).getFirst();

    assertThat(second.labels()).isSameAs(first.labels());
    assertThat(other.labels().get("path")).isEqualTo("/var");
    assertThat(other.fingerprint()).isNotEqualTo(first.fingerprint());
  }
}
