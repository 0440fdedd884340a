package io.ravenwatch.alerts.query;

import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.rule.Condition;
import io.ravenwatch.alerts.rule.Template;
import java.time.Duration;
import java.util.Map;

/**
 * A rule that runs an InfluxQL query every {@code interval} and tests the newest row of each
 * returned series, e.g. {@code query: SELECT last(used_percent) AS value FROM disk GROUP BY *} with
 * {@code condition: value > 90}. Reaches data any collector wrote (Telegraf too).
 *
 * @param name unique across all rule files
 * @param origin the file it was defined in
 * @param query the InfluxQL query
 * @param interval how often it runs
 * @param condition over the row's columns by name
 * @param forDuration hold-down
 * @param keepFiringFor hold-up
 * @param severity how urgent
 * @param labels added to each series' labels
 * @param annotations templates by name
 * @param runbook a URL, or {@code null}
 * @param threshold the rule's {@code threshold}, or {@code null}
 * @param enabled whether it runs
 */
public record QueryRule(
    String name,
    String origin,
    String query,
    Duration interval,
    Condition condition,
    Duration forDuration,
    Duration keepFiringFor,
    Severity severity,
    Map<String, String> labels,
    Map<String, Template> annotations,
    String runbook,
    Double threshold,
    boolean enabled) {

  public QueryRule {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }
}
