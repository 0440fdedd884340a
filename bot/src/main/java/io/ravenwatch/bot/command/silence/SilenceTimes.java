package io.ravenwatch.bot.command.silence;

import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.command.Format;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When a silence ends: a duration ({@code 90m}, {@code 1h30m}, {@code 2d}) or an ISO time. The
 * duration and time parsing is shared with {@code /maintenance}.
 */
public final class SilenceTimes {
  /** The longest silence: anything longer is a rule change, not a silence. */
  public static final Duration MAX = Duration.ofDays(30);

  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?");

  private SilenceTimes() {}

  /**
   * The end of a silence starting {@code now}: exactly one of {@code duration} and {@code until}.
   *
   * @throws CommandException when neither or both are given, or the end is unreadable, past, or
   *     more than {@link #MAX} away
   */
  static Instant end(String duration, String until, Instant now) throws CommandException {
    if (duration != null && until != null) {
      throw new CommandException("Give a duration or an until time, not both.");
    }
    Instant end;
    if (duration != null) {
      end = now.plus(duration(duration));
    } else if (until != null) {
      end = instant(until);
      if (!end.isAfter(now)) {
        throw new CommandException("`" + until.strip() + "` is in the past.");
      }
    } else {
      throw new CommandException("Give a duration (e.g. `2h`) or an until time.");
    }
    if (Duration.between(now, end).compareTo(MAX) > 0) {
      throw new CommandException(
          "A silence lasts at most " + Format.duration(MAX) + "; use a rule override for longer.");
    }
    return end;
  }

  /** A duration such as {@code 30m}, {@code 1h30m}, {@code 2d}. */
  public static Duration duration(String text) throws CommandException {
    String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    var m = DURATION.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      throw new CommandException(
          "`" + text.strip() + "` is not a duration: use e.g. `30m`, `1h`, `1h30m`, `2d`.");
    }
    Duration d =
        Duration.ofDays(number(m.group(1)))
            .plusHours(number(m.group(2)))
            .plusMinutes(number(m.group(3)));
    if (d.isZero()) {
      throw new CommandException("A duration must be more than 0 minutes.");
    }
    return d;
  }

  private static long number(String group) throws CommandException {
    if (group == null) {
      return 0;
    }
    if (group.length() > 6) {
      throw new CommandException("That duration is far too long.");
    }
    return Long.parseLong(group);
  }

  /** An ISO time with an offset ({@code 2026-11-23T08:00Z}, {@code …+01:00}) or in UTC without. */
  public static Instant instant(String text) throws CommandException {
    String t = text.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new CommandException(
            "`"
                + t
                + "` is not an ISO time: use e.g. `2026-11-23T08:00Z` (UTC without an offset).");
      }
    }
  }
}
