package io.ravenwatch.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time for {@link AlertBench}: one poll of the fleet is one poll interval, however fast
 * the engine gets through it, so {@code for}, group_interval and staleness see the fleet's rhythm.
 */
final class SimClock extends Clock {
  private volatile Instant now;

  SimClock(Instant start) {
    this.now = start;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a simulated clock is in UTC");
  }
}
