package io.ravenwatch.alerts.route;

import io.ravenwatch.alerts.api.AlertEvent;
import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * One alert of a group as the router remembers it (persisted inside the group's document).
 *
 * @param fingerprint the alert's identity
 * @param rule its rule
 * @param labels its labels
 * @param severity its latest severity
 * @param state FIRING, FLAPPING or RESOLVED
 * @param since when the incident started firing
 * @param value the latest value, or null
 * @param annotations the latest annotations
 * @param notifiedAt when receivers were first told about this incident of it, or null: an alert
 *     never notified is never notified as resolved either
 * @param flapPending it started flapping and that was not announced yet
 * @param escalated it was escalated in this incident (escalation happens once)
 */
record TrackedAlert(
    String fingerprint,
    String rule,
    Labels labels,
    Severity severity,
    AlertState state,
    Instant since,
    Double value,
    Map<String, String> annotations,
    Instant notifiedAt,
    boolean flapPending,
    boolean escalated) {

  /** Worst first: severity, then the oldest, then by fingerprint for a stable order. */
  static final Comparator<TrackedAlert> WORST_FIRST =
      Comparator.comparing(TrackedAlert::severity)
          .reversed()
          .thenComparing(TrackedAlert::since, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(TrackedAlert::fingerprint);

  TrackedAlert {
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /** A new incident of an alert, not notified yet. */
  static TrackedAlert from(AlertEvent e) {
    return new TrackedAlert(
        e.fingerprint(),
        e.rule(),
        e.labels(),
        e.severity(),
        e.to(),
        e.activeSince() == null ? e.at() : e.activeSince(),
        e.value(),
        e.annotations(),
        null,
        e.to() == AlertState.FLAPPING,
        false);
  }

  /** The same incident moved by {@code e}. */
  TrackedAlert update(AlertEvent e) {
    boolean startsFlapping = e.to() == AlertState.FLAPPING && state != AlertState.FLAPPING;
    return new TrackedAlert(
        fingerprint,
        rule,
        e.labels(),
        e.severity(),
        e.to(),
        since,
        e.value() == null ? value : e.value(),
        e.annotations().isEmpty() ? annotations : e.annotations(),
        notifiedAt,
        e.to() == AlertState.FLAPPING && (flapPending || startsFlapping),
        escalated);
  }

  boolean active() {
    return state.active();
  }

  boolean notified() {
    return notifiedAt != null;
  }

  String target() {
    String s = labels.get("source");
    return s == null ? "" : s;
  }

  TrackedAlert notifiedNow(Instant now) {
    return new TrackedAlert(
        fingerprint,
        rule,
        labels,
        severity,
        state,
        since,
        value,
        annotations,
        notifiedAt == null ? now : notifiedAt,
        false,
        escalated);
  }

  TrackedAlert escalatedNow() {
    return new TrackedAlert(
        fingerprint,
        rule,
        labels,
        severity,
        state,
        since,
        value,
        annotations,
        notifiedAt,
        flapPending,
        true);
  }

  AlertSummary summary(String ackedBy) {
    return new AlertSummary(
        fingerprint, rule, labels, severity, state, since, value, annotations, ackedBy);
  }
}
