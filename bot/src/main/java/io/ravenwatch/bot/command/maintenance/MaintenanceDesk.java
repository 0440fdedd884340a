package io.ravenwatch.bot.command.maintenance;

import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.lifecycle.AlertRecord;
import io.ravenwatch.alerts.maintenance.MaintenanceService;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.ChatOutlets;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.LastResults;
import io.ravenwatch.bot.chat.audit.AuditSinks;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.bot.command.LiveAlerts;
import io.ravenwatch.bot.command.maintenance.AnnouncementBook.Marks;
import io.ravenwatch.bot.command.maintenance.AnnouncementBook.Seen;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.inventory.Inventory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a maintenance window does besides muting (which the alert engine's {@link
 * MaintenanceService} does): it announces the window when it is scheduled, when it starts and when
 * it ends — each once, restarts included ({@link AnnouncementBook}) — writes its start and end as
 * InfluxDB annotations ({@code annotations}, {@code kind=maintenance}), notes them in the threads
 * of open incidents about the targets in scope, records the alerts that fire in scope while it is
 * open, and ends with a summary that says what is still red rather than "all clear".
 *
 * <p>{@code /maintenance} uses it for what users do; the application calls {@link #sweep} every few
 * seconds for what happens by time: a scheduled window opening, a window reaching its end. One-off
 * windows, and each occurrence of a recurring one (as {@code <id>@<opening>}).
 */
public final class MaintenanceDesk {
  private static final Logger logger = LoggerFactory.getLogger(MaintenanceDesk.class);

  /** The {@code kind} tag of a maintenance annotation. */
  public static final String KIND = "maintenance";

  /**
   * A window found ended longer ago than this without its end announced (Ravenwatch was down) is
   * marked, not announced: a summary of last week's window helps nobody.
   */
  static final Duration STALE = Duration.ofDays(1);

  private final AlertEngine engine;
  private final MaintenanceService service;
  private final Inventory inventory;
  private final LastResults lastResults;

  /** At most this many occurrences of one recurring window are looked at per sweep. */
  private static final int MAX_OCCURRENCES_PER_SWEEP = 5;

  private final Supplier<ChatOutlets> outlets;
  private final Consumer<Collection<Point>> points;
  private final Clock clock;
  private final AnnouncementBook book;

  /**
   * @param outlets where announcements go (read at each use: the chat connects later)
   * @param points where annotations go, e.g. {@code InfluxWriter::write}
   */
  public MaintenanceDesk(
      AlertEngine engine,
      Inventory inventory,
      LastResults lastResults,
      Supplier<ChatOutlets> outlets,
      Consumer<Collection<Point>> points,
      Clock clock) {
    this.engine = engine;
    this.service = engine.maintenance();
    this.inventory = inventory;
    this.lastResults = lastResults;
    this.outlets = outlets;
    this.points = points;
    this.clock = clock;
    this.book = new AnnouncementBook(engine.store());
  }

  /**
   * The desk of a chat's context.
   *
   * @throws CommandException when alerting is disabled
   */
  static MaintenanceDesk of(BotContext c) throws CommandException {
    return new MaintenanceDesk(
        c.alertEngine(), c.inventory(), c.lastResults(), c::outlets, c.points(), c.clock());
  }

  /** A window ended by a user: its summary, or null when it was cancelled before it started. */
  record Ended(MaintenanceWindow window, WindowSummary summary) {}

  /** Opens a window now and announces it. */
  MaintenanceWindow open(WindowRequest r, String by) {
    Instant now = clock.instant();
    var w = window(r, now, r.end(), by, now);
    // Claimed before the window exists, so the housekeeping never sees it unclaimed.
    book.claimStart(w.id(), now);
    service.schedule(w);
    announceStart(w);
    return w;
  }

  /** Schedules a window; its start is announced by {@link #sweep} when it comes. */
  MaintenanceWindow schedule(WindowRequest r, String by) {
    Instant now = clock.instant();
    var w = window(r, r.start(), r.end(), by, now);
    service.schedule(w);
    ChatOutlets out = outlets.get();
    safely("announcing", () -> out.announce(WindowCards.scheduled(w, covered(w).size(), now)));
    safely(
        "creating the event of",
        () ->
            out.scheduleEvent(
                new ChatOutlets.ScheduledEvent(
                    Limits.cut("Maintenance: " + w.reason(), 100),
                    Limits.cut(
                        w.reason()
                            + "\nScope: "
                            + WindowRequest.label(w.scope())
                            + ". By "
                            + w.createdBy()
                            + ".",
                        1000),
                    w.start(),
                    w.end(),
                    Limits.cut(WindowRequest.label(w.scope()), 100))));
    return w;
  }

  /**
   * Ends (or, before it started, cancels) a window now.
   *
   * @throws CommandException when no open or scheduled window has that id
   */
  Ended end(String id, String by) throws CommandException {
    MaintenanceWindow w = find(id);
    Instant now = clock.instant();
    if (w.start().isAfter(now)) {
      book.claimStart(id, now);
      book.claimEnd(id, now);
      MaintenanceWindow cancelled = service.end(id).orElseThrow();
      safely(
          "announcing",
          () -> outlets.get().announce(WindowCards.cancelled(w, by, covered(w).size(), now)));
      return new Ended(cancelled, null);
    }
    if (book.claimStart(id, now)) {
      // Opened by time but not swept yet: its start is annotated, the end announcement says it all.
      annotate(w, "start", w.start(), "Maintenance started: " + w.reason(), startText(w));
    }
    record(w, now);
    boolean claimed = book.claimEnd(id, now);
    MaintenanceWindow ended = service.end(id).orElseThrow();
    WindowSummary summary = summarize(ended);
    if (claimed) {
      announceEnd(ended, summary, by);
    }
    return new Ended(ended, summary);
  }

  /** An open or scheduled one-off window. */
  MaintenanceWindow find(String id) throws CommandException {
    return service.list().stream()
        .filter(w -> w.id().equals(id) && !w.recurring())
        .findFirst()
        .orElseThrow(
            () ->
                new CommandException(
                    "No open or scheduled maintenance window `"
                        + Limits.cut(id, 60)
                        + "`: see /maintenance list."));
  }

  /** Open and scheduled windows. */
  List<MaintenanceWindow> list() {
    return service.list();
  }

  /**
   * What happens by time: announces the start of windows that opened and the end (with its summary)
   * of windows that closed, once each, and records the alerts firing in open windows. Never throws:
   * a failure is logged and the next sweep tries again.
   */
  public void sweep() {
    Instant now = clock.instant();
    List<MaintenanceWindow> windows;
    try {
      windows = engine.store().windows();
    } catch (RuntimeException e) {
      logger.warn("Maintenance housekeeping could not read the windows: {}", e.toString());
      return;
    }
    for (MaintenanceWindow w : windows) {
      try {
        sweep(w, now);
      } catch (RuntimeException e) {
        logger.warn("Maintenance window {}: housekeeping failed: {}", w.id(), e.toString());
      }
    }
  }

  private void sweep(MaintenanceWindow w, Instant now) {
    if (w.recurring()) {
      // Each occurrence is announced like a one-off window (marks by occurrence id); older than
      // STALE ones are past caring, and a cron firing every minute cannot flood the channel.
      for (MaintenanceWindow occurrence :
          w.occurrences(now.minus(STALE), now, MAX_OCCURRENCES_PER_SWEEP)) {
        sweepOneOff(occurrence, now);
      }
      return;
    }
    sweepOneOff(w, now);
  }

  private void sweepOneOff(MaintenanceWindow w, Instant now) {
    Marks marks = book.of(w.id());
    if (marks.ended() != null) {
      return;
    }
    if (w.isOpen(now)) {
      record(w, now);
      if (marks.started() == null && book.claimStart(w.id(), now)) {
        announceStart(w);
      }
      return;
    }
    if (w.end().isAfter(now)) {
      return; // still to come
    }
    boolean neverOpened = !w.start().isBefore(w.end());
    boolean stale = Duration.between(w.end(), now).compareTo(STALE) > 0;
    if (marks.started() == null && (neverOpened || stale)) {
      book.claimStart(w.id(), now);
      book.claimEnd(w.id(), now);
      return;
    }
    if (marks.started() == null && book.claimStart(w.id(), now)) {
      annotate(w, "start", w.start(), "Maintenance started: " + w.reason(), startText(w));
    }
    record(w, now);
    if (book.claimEnd(w.id(), now)) {
      announceEnd(w, summarize(w), "");
    }
  }

  /** Notes the alerts in scope that were active while the window was open, up to {@code now}. */
  void record(MaintenanceWindow w, Instant now) {
    Instant until = now.isBefore(w.end()) ? now : w.end();
    var seen = new ArrayList<Seen>();
    for (AlertRecord a : engine.alerts()) {
      boolean incident =
          a.activeSince() != null
              && (a.state().active() || a.state() == AlertState.RESOLVED)
              && !a.activeSince().isAfter(until)
              && (a.resolvedAt() == null || !a.resolvedAt().isBefore(w.start()));
      if (incident && service.covers(w.scope(), a.labels())) {
        seen.add(
            new Seen(
                a.fingerprint(),
                Format.lower(a.severity()),
                LiveAlerts.target(a),
                Limits.cut(LiveAlerts.summary(a), 200),
                a.activeSince(),
                a.state() == AlertState.RESOLVED ? a.resolvedAt() : null));
      }
    }
    if (seen.isEmpty()) {
      return;
    }
    book.update(
        w.id(),
        m -> {
          Marks out = m;
          for (Seen s : seen) {
            Seen old = m.seen().get(s.fingerprint());
            // The first sighting keeps its start and its summary (a resolved alert has no
            // summary any more); the state (resolved or not) is the latest.
            Seen merged =
                old == null
                    ? s
                    : new Seen(
                        s.fingerprint(),
                        s.severity(),
                        s.target(),
                        old.summary(),
                        old.since().isBefore(s.since()) ? old.since() : s.since(),
                        s.resolvedAt());
            out = out.withSeen(merged);
          }
          return out;
        });
  }

  /** The summary of a window as things are now. */
  WindowSummary summarize(MaintenanceWindow w) {
    List<WindowSummary.Covered> covered =
        covered(w).stream()
            .map(t -> new WindowSummary.Covered(t.name(), lastResults.of(t.name())))
            .toList();
    List<AlertRecord> active =
        LiveAlerts.of(engine).active().stream()
            .filter(a -> service.covers(w.scope(), a.labels()))
            .toList();
    return WindowSummary.of(List.copyOf(book.of(w.id()).seen().values()), covered, active);
  }

  /** The inventory targets a window covers (by name, group, region or an ancestor's). */
  List<Target> covered(MaintenanceWindow w) {
    return inventory.targets().stream()
        .filter(t -> service.covers(w.scope(), Labels.of("source", t.name())))
        .toList();
  }

  private void announceStart(MaintenanceWindow w) {
    Instant now = clock.instant();
    List<Target> targets = covered(w);
    annotate(w, "start", w.start(), "Maintenance started: " + w.reason(), startText(w));
    ChatOutlets out = outlets.get();
    safely("announcing", () -> out.announce(WindowCards.started(w, targets.size(), now)));
    String line =
        "🔧 Maintenance started by "
            + w.createdBy()
            + ": "
            + w.reason()
            + " (until "
            + Times.at(w.end())
            + "); alerts are muted.";
    targets.forEach(t -> safely("noting", () -> out.toIncidents(t.name(), line)));
  }

  private void announceEnd(MaintenanceWindow w, WindowSummary s, String by) {
    Instant now = clock.instant();
    annotate(w, "end", w.end(), "Maintenance ended: " + w.reason(), s.text());
    ChatOutlets out = outlets.get();
    safely("announcing", () -> out.announce(WindowCards.ended(w, s, by, now)));
    String line = "🔧 Maintenance ended" + (by.isEmpty() ? "" : " by " + by) + ": " + s.text();
    covered(w).forEach(t -> safely("noting", () -> out.toIncidents(t.name(), line)));
  }

  private static String startText(MaintenanceWindow w) {
    return "Scope: "
        + WindowRequest.label(w.scope())
        + ". Until "
        + Times.at(w.end())
        + ". By "
        + w.createdBy()
        + ".";
  }

  /** The annotation point ({@code annotations}, tags kind/user/event, fields title/text). */
  static Point annotation(
      MaintenanceWindow w, String event, Instant at, String title, String text) {
    return Point.builder(AuditSinks.ANNOTATIONS, at)
        .tag("kind", KIND)
        .tag("user", w.createdBy().isEmpty() ? "unknown" : w.createdBy())
        .tag("event", event)
        .field("title", Limits.cut(title, 256))
        .field("text", text)
        .field("window_id", w.id())
        .build();
  }

  private void annotate(MaintenanceWindow w, String event, Instant at, String title, String text) {
    safely("annotating", () -> points.accept(List.of(annotation(w, event, at, title, text))));
  }

  private static MaintenanceWindow window(
      WindowRequest r, Instant start, Instant end, String by, Instant now) {
    return new MaintenanceWindow(
        UUID.randomUUID().toString(),
        r.reason(),
        r.scope(),
        start,
        end,
        null,
        null,
        ZoneOffset.UTC,
        by,
        now);
  }

  private static void safely(String doing, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      // An announcement is never worth failing the maintenance for.
      logger.warn("Maintenance: {} failed: {}", doing, e.toString());
    }
  }
}
