package io.ravenwatch.alerts.lifecycle;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import java.time.Duration;

/**
 * How the alert lifecycle forgets: stale series, resolved incidents, and flap detection.
 *
 * <p>A series is <em>stale</em> when it has not been observed for {@code max(staleAfter,
 * staleGapFactor × the largest gap seen between two of its observations)}. The floor ({@code
 * stale_after}, 10m) keeps a few missed evaluations of a fast rule from resolving and re-firing an
 * incident; the gap factor keeps a rule evaluated every 15 minutes from going stale between two
 * evaluations. A stale firing or flapping alert is resolved (a deleted target must not stay firing
 * forever), a stale pending one goes back to inactive, and a stale inactive one is forgotten.
 *
 * <pre>{@code
 * alerts:
 *   lifecycle:
 *     stale_after: 10m
 *     stale_gap_factor: 3
 *     resolved_retention: 1h
 *     flapping: {window: 21, high_percent: 50, low_percent: 25}
 * }</pre>
 *
 * @param staleAfter the least time without observations before a series is stale
 * @param staleGapFactor how many of its largest observed gaps a series may miss before it is stale
 * @param resolvedRetention how long a resolved alert is remembered (so a quick re-fire counts
 *     towards flapping) before it is forgotten and its stored state deleted
 * @param flapping flap detection; defaults when absent
 */
public record LifecycleSettings(
    @Default("10m") Duration staleAfter,
    @Default("3") int staleGapFactor,
    @Default("1h") Duration resolvedRetention,
    @OptionalKey FlappingSettings flapping)
    implements Validatable {

  public static final LifecycleSettings DEFAULTS =
      new LifecycleSettings(
          Duration.ofMinutes(10), 3, Duration.ofHours(1), FlappingSettings.DEFAULTS);

  public LifecycleSettings {
    flapping = flapping == null ? FlappingSettings.DEFAULTS : flapping;
  }

  /** These settings with other flap detection. */
  public LifecycleSettings withFlapping(FlappingSettings other) {
    return new LifecycleSettings(staleAfter, staleGapFactor, resolvedRetention, other);
  }

  @Override
  public void validate(ConfigProblems problems) {
    if (staleAfter != null && !staleAfter.isPositive()) {
      problems.report("stale_after", "a positive duration", staleAfter);
    }
    if (staleGapFactor < 1) {
      problems.report("stale_gap_factor", "a whole number of at least 1", staleGapFactor);
    }
    if (resolvedRetention != null && resolvedRetention.isNegative()) {
      problems.report("resolved_retention", "a duration of 0 or more", resolvedRetention);
    }
    // A flapping record given in the file was validated by the binder already.
  }
}
