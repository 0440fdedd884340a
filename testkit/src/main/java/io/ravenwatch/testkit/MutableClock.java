package io.ravenwatch.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC {@link Clock} that only moves when a test moves it, so code that takes an injected clock
 * can be tested without sleeping. Safe to read and move from several threads.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2025-01-01T10:00:00Z");
 * var limiter = new RateLimiter(clock); // anything that takes a java.time.Clock
 * clock.advance(Duration.ofMinutes(5));  // the limiter sees five minutes pass, at once
 * }</pre>
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;

  public MutableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** A clock at an ISO-8601 instant, e.g. {@code "2025-01-01T10:00:00Z"}. */
  public static MutableClock at(String iso) {
    return new MutableClock(Instant.parse(iso));
  }

  /** Moves the clock forward (or back, for a negative duration). */
  public void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  /** Sets the clock to an instant. */
  public void set(Instant t) {
    now.set(t);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** Always throws: a test clock stays in UTC, so a zone change would be a test's mistake. */
  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a test clock stays in UTC");
  }
}
