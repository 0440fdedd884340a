package io.ravenwatch.alerts.notify;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the wait after the n-th failed attempt is {@code first ×
 * 2^(n-1)} capped at {@code max}, each multiplied by a random factor in [0.8, 1.2) (and capped
 * again) so that receivers that failed together do not retry together.
 *
 * @param first the wait after the first failure
 * @param max the longest wait
 */
public record Backoff(Duration first, Duration max) {

  /** 1 s, doubling, up to 5 min. */
  public static final Backoff STANDARD = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

  public Backoff {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < first <= max: " + first + ", " + max);
    }
  }

  /**
   * How long to wait after a failure.
   *
   * @param failures failed attempts so far, this one included (1 after the first failure)
   */
  public Duration delay(int failures, RandomGenerator random) {
    int doublings = Math.clamp(failures - 1, 0, 40);
    double base = Math.min((double) max.toMillis(), first.toMillis() * Math.pow(2, doublings));
    double jittered = base * (0.8 + 0.4 * random.nextDouble());
    return Duration.ofMillis(Math.round(Math.min(jittered, max.toMillis())));
  }
}
