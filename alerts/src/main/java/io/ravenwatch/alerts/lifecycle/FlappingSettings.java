package io.ravenwatch.alerts.lifecycle;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.Validatable;

/**
 * Flap detection, as Nagios does it: the last {@code window} evaluation results of an alert
 * (condition true or false) are kept; the percent of state changes among them, recent changes
 * weighing more (from 0.8 for the oldest to 1.2 for the newest), decides. Above {@code highPercent}
 * the alert enters {@code FLAPPING} (notified once); below {@code lowPercent} it settles. Between
 * the two nothing changes (hysteresis).
 *
 * <pre>{@code
 * alerts:
 *   lifecycle:
 *     flapping: {window: 21, high_percent: 50, low_percent: 25}
 * }</pre>
 *
 * @param window how many evaluation results are kept per alert (3 to 64)
 * @param highPercent enter flapping when the weighted percent state change exceeds this
 * @param lowPercent leave flapping when it drops below this
 */
public record FlappingSettings(
    @Default("21") int window, @Default("50") double highPercent, @Default("25") double lowPercent)
    implements Validatable {

  /** Nagios' defaults: 21 results, 50 % to enter, 25 % to leave. */
  public static final FlappingSettings DEFAULTS = new FlappingSettings(21, 50, 25);

  /** The most results kept: the history is a bit set in one {@code long}. */
  static final int MAX_WINDOW = 64;

  @Override
  public void validate(ConfigProblems problems) {
    if (window < 3 || window > MAX_WINDOW) {
      problems.report("window", "a number of results from 3 to " + MAX_WINDOW, window);
    }
    if (highPercent <= 0 || highPercent > 100) {
      problems.report("high_percent", "a percentage above 0, at most 100", highPercent);
    }
    if (lowPercent < 0 || lowPercent >= highPercent) {
      problems.report("low_percent", "a percentage from 0 to below high_percent", lowPercent);
    }
  }
}
