package io.ravenwatch.bot.command;

import io.ravenwatch.alerts.api.Severity;
import java.time.Duration;
import java.time.Instant;

/** How commands write times, durations and severities, so every answer reads the same. */
public final class Format {
  public static final int RED = 0xE74C3C;
  public static final int ORANGE = 0xE67E22;
  public static final int BLUE = 0x3498DB;
  public static final int GREY = 0x95A5A6;
  public static final int GREEN = 0x2ECC71;

  private Format() {}

  /** {@code 3m 20s}, {@code 2h 5m}, {@code 1d 4h}: two units at most. */
  public static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + (s % 60 == 0 ? "" : " " + (s % 60) + "s");
    }
    if (s < 86_400) {
      return (s / 3600) + "h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + "m");
    }
    return (s / 86_400) + "d" + (s % 86_400 / 3600 == 0 ? "" : " " + (s % 86_400 / 3600) + "h");
  }

  /** {@code 5m ago}, or {@code in 2h} for a time still to come. */
  public static String relative(Instant t, Instant now) {
    if (t == null) {
      return "?";
    }
    return t.isAfter(now)
        ? "in " + duration(Duration.between(now, t))
        : duration(Duration.between(t, now)) + " ago";
  }

  /** Milliseconds for short runs ({@code 42 ms}), seconds above. */
  public static String elapsed(Duration d) {
    long ms = d.toMillis();
    return ms < 10_000 ? ms + " ms" : String.format("%.1f s", ms / 1000.0);
  }

  public static String icon(Severity s) {
    return switch (s) {
      case CRITICAL -> "🔴";
      case WARNING -> "🟠";
      case INFO -> "🔵";
    };
  }

  public static int color(Severity s) {
    return switch (s) {
      case CRITICAL -> RED;
      case WARNING -> ORANGE;
      case INFO -> BLUE;
    };
  }

  public static String lower(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT);
  }
}
