package io.ravenwatch.alerts.route;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may hear about which alert at one instant: an alert is visible unless a mute covers it or it
 * is suppressed because a target it depends on is down. Made fresh for each event and tick (mutes
 * and outages change with time, not only with events).
 */
final class Visibility {
  private final Instant now;
  private final Muting muting;
  private final List<Group> groups;
  private final Dependencies dependencies;
  private final Set<String> down;

  // Worked out when asked: a flush asks about the alerts of one group, not about all of them.
  private final Map<String, Optional<String>> causes = new HashMap<>();
  private Map<String, Integer> suppressedUnder;

  /**
   * @param groups every group, to find the down targets and count the suppressed alerts
   * @param recovered targets that recovered within the grace period, still treated as down
   */
  Visibility(
      Collection<Group> groups,
      Set<String> recovered,
      TargetDown targetDown,
      Dependencies dependencies,
      Muting muting,
      Instant now) {
    this.now = now;
    this.muting = muting;
    this.groups = List.copyOf(groups);
    this.dependencies = dependencies;
    this.down = new HashSet<>(recovered);
    for (Group g : groups) {
      for (TrackedAlert a : g.alerts.values()) {
        if (a.active() && targetDown.isDown(a.labels())) {
          down.add(a.target());
        }
      }
    }
  }

  /** The down target that suppresses the alert, or empty. */
  Optional<String> cause(TrackedAlert a) {
    if (down.isEmpty()) {
      return Optional.empty();
    }
    return causes.computeIfAbsent(a.fingerprint(), f -> dependencies.cause(a.target(), down));
  }

  Optional<String> mutedBy(TrackedAlert a) {
    return muting.mutedBy(a.labels(), now);
  }

  /** Neither suppressed by a dependency nor muted. */
  boolean visible(TrackedAlert a) {
    return cause(a).isEmpty() && mutedBy(a).isEmpty();
  }

  /** How many active alerts are suppressed because {@code target} is down. */
  int suppressedUnder(String target) {
    if (suppressedUnder == null) {
      suppressedUnder = new HashMap<>();
      for (Group g : groups) {
        for (TrackedAlert a : g.alerts.values()) {
          Optional<String> cause = a.active() ? cause(a) : Optional.empty();
          cause.ifPresent(c -> suppressedUnder.merge(c, 1, Integer::sum));
        }
      }
    }
    return suppressedUnder.getOrDefault(target, 0);
  }
}
