package io.ravenwatch.testkit.discord;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** Discord-shaped ids: milliseconds since 2015 shifted left 22 bits, strictly increasing. */
final class Snowflakes {
  private static final long DISCORD_EPOCH = 1_420_070_400_000L;

  private final Clock clock;
  private final AtomicLong last = new AtomicLong();

  Snowflakes(Clock clock) {
    this.clock = clock;
  }

  String next() {
    long fromTime = (clock.millis() - DISCORD_EPOCH) << 22;
    return Long.toString(last.updateAndGet(previous -> Math.max(previous + 1, fromTime)));
  }
}
