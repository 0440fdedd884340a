package io.ravenwatch.probes.influx;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the first delay is {@code initial}, each failure doubles it up
 * to {@code max}, and each delay is spread by ±20% so that many writers restarted together do not
 * hit a recovering InfluxDB in lockstep. Not thread-safe: one flusher owns it.
 */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;
  private Duration base;

  /**
   * @param random values in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
   */
  Backoff(Duration initial, Duration max, DoubleSupplier random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max");
    }
    this.initial = initial;
    this.max = max;
    this.random = random;
    this.base = initial;
  }

  /** The delay before the next attempt; doubles the following one. */
  Duration next() {
    Duration current = base;
    base = base.multipliedBy(2).compareTo(max) > 0 ? max : base.multipliedBy(2);
    double factor = 0.8 + 0.4 * random.getAsDouble();
    long millis = Math.round(current.toMillis() * factor);
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }

  /** After a success: the next failure waits {@code initial} again. */
  void reset() {
    base = initial;
  }
}
