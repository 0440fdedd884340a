package io.ravenwatch.alerts.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One transition of one alert, as the lifecycle produced it.
 *
 * @param fingerprint the alert's identity: {@code labels.fingerprint()}
 * @param rule the rule's name (also the {@code alertname} label)
 * @param labels the alert's labels, including {@code alertname}, {@code severity}, the target's
 * @param severity the rule's severity
 * @param from the state before
 * @param to the state after
 * @param at when the transition happened (the clock's time of the observation or tick)
 * @param activeSince when the current incident started firing, or {@code null}
 * @param value the value the condition looked at, when the rule names one (for templates)
 * @param annotations rendered summary, description, runbook
 */
public record AlertEvent(
    String fingerprint,
    String rule,
    Labels labels,
    Severity severity,
    AlertState from,
    AlertState to,
    Instant at,
    Instant activeSince,
    Double value,
    Map<String, String> annotations) {

  public AlertEvent {
    Objects.requireNonNull(fingerprint);
    Objects.requireNonNull(rule);
    Objects.requireNonNull(labels);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(from);
    Objects.requireNonNull(to);
    Objects.requireNonNull(at);
    if (!from.canMoveTo(to)) {
      throw new IllegalStateException("illegal alert transition " + from + " → " + to);
    }
    annotations = Map.copyOf(annotations);
  }

  /** The target the alert is about: its {@code source} label, or empty. */
  public String target() {
    String s = labels.get("source");
    return s == null ? "" : s;
  }
}
