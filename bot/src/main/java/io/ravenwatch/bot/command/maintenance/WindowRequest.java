package io.ravenwatch.bot.command.maintenance;

import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.command.Completions;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.bot.command.silence.SilenceTimes;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.inventory.Inventory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a user asked {@code /maintenance start|schedule} for, checked against the inventory: the
 * scope (comma-separated target, group and region names — nothing else is accepted), when it opens
 * and closes, and why.
 *
 * @param scope the window's scope
 * @param label how answers name the scope ({@code web1, group db})
 * @param start when it opens
 * @param end when it closes
 * @param reason why (shown to everyone)
 */
record WindowRequest(
    MaintenanceWindow.Scope scope, String label, Instant start, Instant end, String reason) {

  /** The longest window: anything longer is a change of the inventory, not maintenance. */
  static final Duration MAX = SilenceTimes.MAX;

  /**
   * The scope a list of names means: each a target (host or service), else a group, else a region.
   *
   * @throws CommandException when a name is none of these, or nothing is named
   */
  static MaintenanceWindow.Scope scope(Inventory inventory, String text) throws CommandException {
    var targets = new LinkedHashSet<String>();
    var groups = new LinkedHashSet<String>();
    var regions = new LinkedHashSet<String>();
    Set<String> knownGroups = new LinkedHashSet<>();
    Set<String> knownRegions = new LinkedHashSet<>();
    for (Target t : inventory.targets()) {
      if (!t.group().isEmpty()) {
        knownGroups.add(t.group());
      }
      if (!t.region().isEmpty()) {
        knownRegions.add(t.region());
      }
    }
    for (String raw : text == null ? new String[0] : text.split(",")) {
      String name = raw.strip();
      if (name.isEmpty()) {
        continue;
      }
      if (inventory.find(name).isPresent()) {
        targets.add(name);
      } else if (knownGroups.contains(name)) {
        groups.add(name);
      } else if (knownRegions.contains(name)) {
        regions.add(name);
      } else {
        List<String> near = Completions.scopes(inventory, name.substring(0, 1));
        throw new CommandException(
            "No target, group or region is named `"
                + Limits.cut(name, 80)
                + "`"
                + (near.isEmpty()
                    ? "."
                    : "; e.g. "
                        + String.join(", ", near.subList(0, Math.min(8, near.size())))
                        + "."));
      }
    }
    var scope =
        new MaintenanceWindow.Scope(
            List.copyOf(targets), List.copyOf(groups), List.copyOf(regions));
    if (scope.isEmpty()) {
      throw new CommandException("Name what is under maintenance: targets, groups or regions.");
    }
    return scope;
  }

  /** {@code web1, group db, region eu-west}. */
  static String label(MaintenanceWindow.Scope scope) {
    var parts = new ArrayList<String>(scope.targets());
    scope.groups().forEach(g -> parts.add("group " + g));
    scope.regions().forEach(r -> parts.add("region " + r));
    return String.join(", ", parts);
  }

  /**
   * Parses the options of {@code start} ({@code startText} null: now) or {@code schedule}.
   *
   * @param startText the ISO start of a scheduled window, or null for one opening now
   * @param strict whether a start in the past is refused (when planning) rather than taken as now
   *     (when running after the confirmation, which may have taken a minute)
   * @throws CommandException for an unknown name, unreadable or past times, an end before the
   *     start, a window longer than {@link #MAX}, or a missing reason
   */
  static WindowRequest parse(
      Inventory inventory,
      String scopeText,
      String startText,
      String duration,
      String until,
      String reasonText,
      Instant now,
      boolean strict)
      throws CommandException {
    MaintenanceWindow.Scope scope = scope(inventory, scopeText);
    String reason = reasonText == null ? "" : reasonText.strip();
    if (reason.isEmpty()) {
      throw new CommandException("Say why in a reason: it is announced to everyone.");
    }
    Instant start = now;
    if (startText != null) {
      start = SilenceTimes.instant(startText);
      if (!start.isAfter(now)) {
        if (strict) {
          throw new CommandException(
              "`"
                  + startText.strip()
                  + "` is in the past: use /maintenance start to open a window now.");
        }
        start = now;
      }
    }
    if (duration != null && until != null) {
      throw new CommandException("Give a duration or an until time, not both.");
    }
    Instant end;
    if (duration != null) {
      end = start.plus(SilenceTimes.duration(duration));
    } else if (until != null) {
      end = SilenceTimes.instant(until);
      if (!end.isAfter(start)) {
        throw new CommandException(
            "The end `" + until.strip() + "` is not after the start " + Times.at(start) + ".");
      }
    } else {
      throw new CommandException("Give a duration (e.g. `2h`) or an until time.");
    }
    if (Duration.between(start, end).compareTo(MAX) > 0) {
      throw new CommandException("A maintenance window lasts at most 30d.");
    }
    return new WindowRequest(scope, label(scope), start, end, Limits.cut(reason, 500));
  }
}
