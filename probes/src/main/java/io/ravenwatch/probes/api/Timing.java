package io.ravenwatch.probes.api;

import java.time.Duration;

/**
 * How often a probe runs and how long one attempt may take: resolved from the probe, its target,
 * the target's group and the global defaults, in that order.
 *
 * @param interval time between the starts of two runs
 * @param timeout how long one attempt (one request) may take
 * @param retries how many times a failed attempt is tried again within one run
 */
public record Timing(Duration interval, Duration timeout, int retries) {

  public Timing {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0");
    }
  }

  /**
   * The time budget of one run: every attempt at its timeout, capped by the interval so that a run
   * never overlaps the next one.
   */
  public Duration budget() {
    Duration all = timeout.multipliedBy(retries + 1L).plusMillis(250);
    return all.compareTo(interval) < 0 ? all : interval;
  }
}
