package io.ravenwatch.alerts.api;

import java.time.Instant;
import java.util.Map;

/**
 * One alert as a notification shows it.
 *
 * @param fingerprint the alert's identity
 * @param rule the rule's name
 * @param labels its labels
 * @param severity its severity
 * @param state its state when the notification was made
 * @param since when the incident started firing
 * @param value the last value the condition looked at, or null
 * @param annotations rendered summary, description, runbook
 * @param ackedBy who acknowledged it, or null
 */
public record AlertSummary(
    String fingerprint,
    String rule,
    Labels labels,
    Severity severity,
    AlertState state,
    Instant since,
    Double value,
    Map<String, String> annotations,
    String ackedBy) {

  public AlertSummary {
    annotations = Map.copyOf(annotations);
  }

  public String target() {
    String s = labels.get("source");
    return s == null ? "" : s;
  }
}
