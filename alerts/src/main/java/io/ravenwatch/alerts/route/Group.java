package io.ravenwatch.alerts.route;

import io.ravenwatch.alerts.api.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The router's state for one group of alerts, persisted as a {@code "group"} document. Mutable,
 * owned by the router and changed only under its lock.
 *
 * <p>An <em>incident</em> of a group opens with its FIRING notification and closes with its
 * RESOLVED one; {@link #replyTo} keeps, per receiver, the outbox id of that FIRING notification so
 * every later message of the incident can refer to it.
 */
final class Group {
  String key;
  Labels labels;
  Map<String, TrackedAlert> alerts = new LinkedHashMap<>();

  /** When the pending changes are to be notified, or null when nothing waits. */
  Instant flushAt;

  /** When the group last sent a FIRING/UPDATE/RESOLVED/FLAPPING notification. */
  Instant lastFlushAt;

  /** When receivers were last told the group fires (any firing notification or a repeat). */
  Instant lastNotifiedAt;

  boolean incidentOpen;
  Map<String, Long> replyTo = new LinkedHashMap<>();

  Group() {} // for Jackson

  Group(String key, Labels labels) {
    this.key = key;
    this.labels = labels;
  }

  List<TrackedAlert> select(Predicate<TrackedAlert> which) {
    var out = new ArrayList<TrackedAlert>();
    for (TrackedAlert a : alerts.values()) {
      if (which.test(a)) {
        out.add(a);
      }
    }
    out.sort(TrackedAlert.WORST_FIRST);
    return out;
  }

  boolean anyActiveNotified() {
    return alerts.values().stream().anyMatch(a -> a.active() && a.notified());
  }

  void put(TrackedAlert a) {
    alerts.put(a.fingerprint(), a);
  }

  /** Asks for a flush at {@code at}, or earlier if one is already due earlier. */
  void scheduleFlush(Instant at) {
    if (flushAt == null || at.isBefore(flushAt)) {
      flushAt = at;
    }
  }
}
