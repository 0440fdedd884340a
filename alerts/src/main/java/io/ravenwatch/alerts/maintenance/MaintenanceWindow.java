package io.ravenwatch.alerts.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A period during which alerts about the targets in scope are suppressed: one-off ({@code start} to
 * {@code end}) or recurring ({@code cron} in {@code zone}, each occurrence lasting {@code
 * duration}).
 *
 * @param id a unique id (UUID text)
 * @param reason what the maintenance is
 * @param scope which targets it covers
 * @param start one-off: when it opens; recurring: from when the recurrence applies (may be null)
 * @param end one-off: when it closes; recurring: until when the recurrence applies (may be null)
 * @param cron recurring: a Quartz cron expression (seconds first) for each opening, or null
 * @param duration recurring: how long each occurrence lasts, or null
 * @param zone the time zone of {@code cron}
 * @param createdBy who scheduled it
 * @param createdAt when
 */
public record MaintenanceWindow(
    String id,
    String reason,
    Scope scope,
    Instant start,
    Instant end,
    String cron,
    Duration duration,
    ZoneId zone,
    String createdBy,
    Instant createdAt) {

  /**
   * The targets a window covers: by name (hosts and services), by group, by region. A target is in
   * scope when it, or one of its ancestors (its switch, its host), matches any list.
   */
  public record Scope(List<String> targets, List<String> groups, List<String> regions) {
    public Scope {
      targets = List.copyOf(targets);
      groups = List.copyOf(groups);
      regions = List.copyOf(regions);
    }

    public boolean isEmpty() {
      return targets.isEmpty() && groups.isEmpty() && regions.isEmpty();
    }
  }

  public MaintenanceWindow {
    Objects.requireNonNull(id);
    reason = Objects.requireNonNullElse(reason, "");
    Objects.requireNonNull(scope);
    zone = Objects.requireNonNullElse(zone, ZoneId.of("UTC"));
    createdBy = Objects.requireNonNullElse(createdBy, "");
    Objects.requireNonNull(createdAt);
    if (cron == null && (start == null || end == null)) {
      throw new IllegalArgumentException("a one-off window needs start and end");
    }
    if (cron != null && duration == null) {
      throw new IllegalArgumentException("a recurring window needs a duration");
    }
    if (cron != null && !CronExpression.isValidExpression(cron)) {
      throw new IllegalArgumentException("not a Quartz cron expression: " + cron);
    }
  }

  /**
   * Whether the window is open at {@code now}: one-off, from {@code start} (inclusive) to {@code
   * end}; recurring, within {@code duration} of an opening of {@code cron} in {@code zone}, and
   * within {@code start}..{@code end} when they are set (ending a recurring window sets its end).
   */
  public boolean isOpen(Instant now) {
    if (start != null && now.isBefore(start)) {
      return false;
    }
    if (end != null && !now.isBefore(end)) {
      return false;
    }
    if (!recurring()) {
      return true;
    }
    // Quartz has no "previous fire time": the opening that covers now is the first one after
    // now - duration, if it is not after now.
    Date opening = cronExpression().getTimeAfter(Date.from(now.minus(duration)));
    return opening != null && !opening.toInstant().isAfter(now);
  }

  /**
   * The occurrences of a recurring window that were open at some time in {@code from}..{@code to}
   * (an occurrence still open at {@code to} included; none that closed before the window was
   * created), oldest first, at most {@code max}: each as a one-off window with id {@code
   * <id>@<opening>}, so that each can be announced once. A one-off window is its own only
   * occurrence.
   */
  public List<MaintenanceWindow> occurrences(Instant from, Instant to, int max) {
    if (!recurring()) {
      return List.of(this);
    }
    var out = new ArrayList<MaintenanceWindow>();
    CronExpression c = cronExpression();
    Date next = c.getTimeAfter(Date.from(from.minus(duration).minusSeconds(1)));
    while (next != null && !next.toInstant().isAfter(to) && out.size() < max) {
      Instant opening = next.toInstant();
      Instant closing = opening.plus(duration);
      // An occurrence that closed before the window was created never happened.
      boolean inRecurrence =
          (start == null || !opening.isBefore(start))
              && (end == null || opening.isBefore(end))
              && closing.isAfter(createdAt);
      if (inRecurrence) {
        Instant cut = end != null && end.isBefore(closing) ? end : closing;
        out.add(
            new MaintenanceWindow(
                id + "@" + opening,
                reason,
                scope,
                opening,
                cut,
                null,
                null,
                zone,
                createdBy,
                createdAt));
      }
      next = c.getTimeAfter(next);
    }
    return out;
  }

  private CronExpression cronExpression() {
    try {
      var c = new CronExpression(cron);
      c.setTimeZone(TimeZone.getTimeZone(zone));
      return c;
    } catch (java.text.ParseException e) {
      throw new IllegalStateException("checked in the constructor", e);
    }
  }

  public boolean recurring() {
    return cron != null;
  }
}
