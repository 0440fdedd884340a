package io.ravenwatch.bot.command.maintenance;

import io.ravenwatch.bot.command.Format;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How maintenance messages write times: UTC to the minute, the same in every announcement. */
final class Times {
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private Times() {}

  /** {@code 2026-11-22 10:00 UTC}. */
  static String at(Instant t) {
    return AT.format(t);
  }

  /** {@code 10:02}, for "since" in a list of the same day. */
  static String clock(Instant t) {
    return CLOCK.format(t);
  }

  /** {@code 2026-11-22 10:00 UTC → 12:00 UTC (2h)}. */
  static String span(Instant start, Instant end) {
    String to = AT.format(end);
    if (to.substring(0, 10).equals(AT.format(start).substring(0, 10))) {
      to = to.substring(11);
    }
    return at(start) + " → " + to + " (" + Format.duration(Duration.between(start, end)) + ")";
  }
}
