package io.ravenwatch.alerts.rule;

import io.ravenwatch.alerts.api.Severity;
import java.time.Duration;
import java.util.Map;

/**
 * A loaded, compiled rule over probe results (query rules are {@code query.QueryRule}).
 *
 * @param name unique across all rule files
 * @param origin where it was defined, e.g. {@code disks.yml} or {@code default-rules.yml}
 * @param scope which targets it applies to
 * @param condition the compiled condition
 * @param forDuration hold-down: how long the condition must hold before the alert fires
 * @param keepFiringFor hold-up: how long a firing alert keeps firing after it stopped holding
 * @param severity how urgent
 * @param labels added to the alert's labels
 * @param annotations templates by name ({@code summary}, {@code description}, …)
 * @param runbook a URL, or {@code null}
 * @param threshold the rule's {@code threshold}, or {@code null}
 * @param enabled whether it is evaluated
 */
public record Rule(
    String name,
    String origin,
    Scope scope,
    Condition condition,
    Duration forDuration,
    Duration keepFiringFor,
    Severity severity,
    Map<String, String> labels,
    Map<String, Template> annotations,
    String runbook,
    Double threshold,
    boolean enabled) {

  public Rule {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  /** The measurement it reads, or {@code null} when it reads only the {@code probe} result. */
  public String measurement() {
    return condition.measurement();
  }

  /** The condition as written. */
  public String conditionText() {
    return condition.source();
  }
}
