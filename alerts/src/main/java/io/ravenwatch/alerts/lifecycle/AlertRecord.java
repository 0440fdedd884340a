package io.ravenwatch.alerts.lifecycle;

import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.LazyAnnotations;
import io.ravenwatch.alerts.api.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the lifecycle knows about one alert: its state, its timers and its recent history.
 * Immutable: every change makes a new one, so a failed transaction can put the old one back (a
 * steady observation, which changes only the last-seen time, value and annotations, is kept aside
 * by the tracker until the record is next needed).
 *
 * @param fingerprint the alert's identity ({@code labels.fingerprint()})
 * @param rule the rule's name
 * @param labels the alert's labels
 * @param severity the rule's severity
 * @param forDuration the rule's hold-down, from the last observation
 * @param keepFiringFor the rule's hold-up, from the last observation
 * @param state the current state
 * @param pendingSince when the condition became true while PENDING (the hold-down start), or null
 * @param activeSince when the current incident started firing, or null when there is none
 * @param falseSince while FIRING: since when the condition has been false (the hold-up start), or
 *     null
 * @param resolvedAt while RESOLVED: when it resolved, or null
 * @param lastSeen the time of the newest observation
 * @param maxGap the largest gap seen between two observations (zero until there were two)
 * @param history the last evaluation results, for flap detection
 * @param value the last value the condition looked at, or null
 * @param annotations the last annotations (a {@link LazyAnnotations} is kept as it is: a steady
 *     alert's are only rendered when it is stored, shown or makes an event)
 */
public record AlertRecord(
    String fingerprint,
    String rule,
    Labels labels,
    Severity severity,
    Duration forDuration,
    Duration keepFiringFor,
    AlertState state,
    Instant pendingSince,
    Instant activeSince,
    Instant falseSince,
    Instant resolvedAt,
    Instant lastSeen,
    Duration maxGap,
    FlapHistory history,
    Double value,
    Map<String, String> annotations) {

  public AlertRecord {
    Objects.requireNonNull(fingerprint);
    Objects.requireNonNull(rule);
    Objects.requireNonNull(labels);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(forDuration);
    Objects.requireNonNull(keepFiringFor);
    Objects.requireNonNull(state);
    Objects.requireNonNull(lastSeen);
    Objects.requireNonNull(maxGap);
    Objects.requireNonNull(history);
    annotations = annotations instanceof LazyAnnotations ? annotations : Map.copyOf(annotations);
  }

  /**
   * How long this series may go unobserved before it is stale: {@code max(staleAfter, factor ×
   * maxGap)}.
   */
  Duration staleThreshold(LifecycleSettings settings) {
    Duration learned = maxGap.multipliedBy(settings.staleGapFactor());
    return learned.compareTo(settings.staleAfter()) > 0 ? learned : settings.staleAfter();
  }

  boolean staleAt(Instant now, LifecycleSettings settings) {
    return Duration.between(lastSeen, now).compareTo(staleThreshold(settings)) > 0;
  }
}
