package io.ravenwatch.alerts.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One evaluation of one rule against one series: what the rule evaluator hands the alert lifecycle.
 * Everything the lifecycle needs is here, so it does not depend on how rules are written.
 *
 * @param rule the rule's name
 * @param severity the rule's severity
 * @param forDuration how long the condition must hold before the alert fires (0: at once)
 * @param keepFiringFor how long a firing alert stays firing after the condition turned false
 * @param labels the alert's full labels (fingerprint source): alertname, severity, rule labels, the
 *     target's and the series' tags
 * @param active whether the condition is true now
 * @param value the value the condition looked at, for templates and notifications; may be null
 * @param annotations rendered summary, description, runbook; a {@link LazyAnnotations} is kept as
 *     it is, so they are rendered only if someone reads them
 * @param at when the observed data was produced
 */
public record Observation(
    String rule,
    Severity severity,
    Duration forDuration,
    Duration keepFiringFor,
    Labels labels,
    boolean active,
    Double value,
    Map<String, String> annotations,
    Instant at) {

  public Observation {
    Objects.requireNonNull(rule);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(forDuration);
    Objects.requireNonNull(keepFiringFor);
    Objects.requireNonNull(labels);
    Objects.requireNonNull(at);
    annotations = annotations instanceof LazyAnnotations ? annotations : Map.copyOf(annotations);
  }

  public String fingerprint() {
    return labels.fingerprint();
  }
}
