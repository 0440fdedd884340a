package io.ravenwatch.bot.health;

import java.util.Objects;

/**
 * What one check saw.
 *
 * @param status up, degraded (working, with a fallback), down, or disabled (not configured)
 * @param detail a short human explanation; never a secret
 */
public record CheckResult(Status status, String detail) {

  /** How a check is doing; only {@link #DOWN} makes Ravenwatch not ready. */
  public enum Status {
    UP,
    /** Working through a fallback, e.g. points going to the spool while InfluxDB is away. */
    DEGRADED,
    DOWN,
    /** Not configured here, so nothing to look at. */
    DISABLED
  }

  public CheckResult {
    Objects.requireNonNull(status);
    Objects.requireNonNull(detail);
  }

  public static CheckResult up(String detail) {
    return new CheckResult(Status.UP, detail);
  }

  public static CheckResult degraded(String detail) {
    return new CheckResult(Status.DEGRADED, detail);
  }

  public static CheckResult down(String detail) {
    return new CheckResult(Status.DOWN, detail);
  }

  public static CheckResult disabled(String detail) {
    return new CheckResult(Status.DISABLED, detail);
  }
}
