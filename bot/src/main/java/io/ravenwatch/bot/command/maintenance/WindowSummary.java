package io.ravenwatch.bot.command.maintenance;

import io.ravenwatch.alerts.lifecycle.AlertRecord;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.bot.command.LiveAlerts;
import io.ravenwatch.bot.command.maintenance.AnnouncementBook.Seen;
import io.ravenwatch.probes.api.ProbeResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The end of a window told honestly: which alerts fired in its scope while it was open, and the
 * state of everything in scope now. "All clear" only when every target in scope has fresh probe
 * results that are all OK and no alert about it is active; otherwise what is still red (an active
 * alert, a failing probe) and what is not known (never probed) is named.
 *
 * @param alerted the alerts seen active in scope during the window, oldest first
 * @param red the targets (or alert sources) still red, each with why: {@code web1 (http down since
 *     10:02)}
 * @param unknown the targets with no probe result yet
 * @param targets how many inventory targets the scope covers
 */
record WindowSummary(List<Seen> alerted, List<String> red, List<String> unknown, int targets) {

  WindowSummary {
    alerted = List.copyOf(alerted);
    red = List.copyOf(red);
    unknown = List.copyOf(unknown);
  }

  /** Whether everything in scope is known to be green. */
  boolean allClear() {
    return red.isEmpty() && unknown.isEmpty();
  }

  /** How many targets are green now. */
  int green() {
    return Math.max(0, targets - red.size() - unknown.size());
  }

  /**
   * Works the summary out.
   *
   * @param seen what the window saw (recorded while it was open)
   * @param covered the inventory targets in scope, with their newest results
   * @param active the active alerts in scope (of any source), worst first
   */
  static WindowSummary of(List<Seen> seen, List<Covered> covered, List<AlertRecord> active) {
    var red = new ArrayList<String>();
    var unknown = new ArrayList<String>();
    var named = new java.util.HashSet<String>();
    for (Covered c : covered) {
      List<AlertRecord> alerts =
          active.stream().filter(a -> c.name().equals(LiveAlerts.target(a))).toList();
      List<ProbeResult> failing = c.results().stream().filter(r -> !r.ok()).toList();
      if (!alerts.isEmpty()) {
        AlertRecord worst = alerts.getFirst();
        red.add(
            c.name()
                + " ("
                + LiveAlerts.summary(worst)
                + " since "
                + Times.clock(LiveAlerts.since(worst))
                + (alerts.size() > 1 ? ", +" + (alerts.size() - 1) + " more" : "")
                + ")");
      } else if (!failing.isEmpty()) {
        ProbeResult r = failing.getFirst();
        red.add(
            c.name()
                + " ("
                + r.probe()
                + " "
                + Format.lower(r.status()).replace('_', ' ')
                + (r.reason().isEmpty() ? "" : ": " + Limits.cut(r.reason(), 80))
                + ")");
      } else if (c.results().isEmpty()) {
        unknown.add(c.name());
      }
      named.add(c.name());
    }
    // Alerts in scope about something the inventory does not list (an external alert's source).
    for (AlertRecord a : active) {
      String source = LiveAlerts.target(a);
      String who = source.isEmpty() ? a.rule() : source;
      if (named.add(who)) {
        red.add(
            who
                + " ("
                + LiveAlerts.summary(a)
                + " since "
                + Times.clock(LiveAlerts.since(a))
                + ")");
      }
    }
    List<Seen> alerted =
        seen.stream()
            .sorted(Comparator.comparing(Seen::since).thenComparing(Seen::target))
            .toList();
    return new WindowSummary(alerted, red, unknown, covered.size());
  }

  /**
   * An inventory target in scope and its newest probe results.
   *
   * @param name the target
   * @param results the newest result of each of its probes, empty when never probed
   */
  record Covered(String name, List<ProbeResult> results) {}

  /** The state line: {@code All clear: 12 targets green} or {@code Still red: …}. */
  String stateLine() {
    if (allClear()) {
      return "All clear: " + targets + (targets == 1 ? " target green" : " targets green");
    }
    var parts = new ArrayList<String>();
    if (!red.isEmpty()) {
      parts.add("Still red: " + String.join(", ", red));
    }
    if (!unknown.isEmpty()) {
      parts.add("Not probed yet: " + String.join(", ", unknown));
    }
    if (green() > 0) {
      parts.add(green() + " green");
    }
    return String.join(". ", parts);
  }

  /** One line per alert seen: {@code 🔴 web1: http down (10:02 → 10:15)}. */
  List<String> alertLines() {
    var lines = new ArrayList<String>();
    for (Seen s : alerted) {
      lines.add(
          icon(s.severity())
              + " "
              + (s.target().isEmpty() ? "" : s.target() + ": ")
              + s.summary()
              + " ("
              + Times.clock(s.since())
              + (s.resolvedAt() == null ? ", still firing" : " → " + Times.clock(s.resolvedAt()))
              + ")");
    }
    return lines;
  }

  private static String icon(String severity) {
    return switch (severity) {
      case "critical" -> "🔴";
      case "warning" -> "🟠";
      default -> "🔵";
    };
  }

  /** For annotations and incident threads: the state line and how many alerts fired. */
  String text() {
    return alerted.size()
        + (alerted.size() == 1 ? " alert" : " alerts")
        + " fired during the window. "
        + stateLine()
        + ".";
  }
}
