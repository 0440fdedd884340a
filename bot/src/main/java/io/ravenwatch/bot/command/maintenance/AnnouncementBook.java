package io.ravenwatch.bot.command.maintenance;

import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What was announced of each maintenance window (its start, its end) and which alerts it saw,
 * persisted in the alert store as state documents of kind {@value #KIND} keyed by window id — so
 * neither a restart nor the command racing the housekeeping announces anything twice. Every change
 * is read-modify-write under one lock: the command and the housekeeping of one Ravenwatch share it.
 */
final class AnnouncementBook {
  static final String KIND = "maintenance_announcement";

  /** One lock per JVM: commands and the housekeeping hold different books over the same store. */
  private static final Object LOCK = new Object();

  private final AlertStore store;

  AnnouncementBook(AlertStore store) {
    this.store = store;
  }

  /**
   * An alert seen active in a window's scope while it was open.
   *
   * @param fingerprint the alert
   * @param severity lower-case severity
   * @param target its {@code source}, or empty
   * @param summary its rendered summary
   * @param since when its incident started firing
   * @param resolvedAt when it resolved, or null while it fires
   */
  record Seen(
      String fingerprint,
      String severity,
      String target,
      String summary,
      Instant since,
      Instant resolvedAt) {}

  /**
   * What is known of one window.
   *
   * @param started when its start was announced, or null
   * @param ended when its end was announced, or null
   * @param seen the alerts seen in its scope while open, by fingerprint
   */
  record Marks(Instant started, Instant ended, Map<String, Seen> seen) {
    static final Marks NONE = new Marks(null, null, Map.of());

    Marks {
      seen = seen == null ? Map.of() : Map.copyOf(seen);
    }

    Marks withStarted(Instant at) {
      return new Marks(at, ended, seen);
    }

    Marks withEnded(Instant at) {
      return new Marks(started, at, seen);
    }

    Marks withSeen(Seen s) {
      var all = new LinkedHashMap<>(seen);
      all.put(s.fingerprint(), s);
      return new Marks(started, ended, all);
    }
  }

  Marks of(String windowId) {
    return Optional.ofNullable(store.loadDocuments(KIND).get(windowId))
        .map(json -> Json.read(json, Marks.class))
        .orElse(Marks.NONE);
  }

  /** Claims the announcement of a window's start: true once, false ever after. */
  boolean claimStart(String windowId, Instant at) {
    return claim(windowId, m -> m.started() == null ? m.withStarted(at) : null);
  }

  /** Claims the announcement of a window's end: true once, false ever after. */
  boolean claimEnd(String windowId, Instant at) {
    return claim(windowId, m -> m.ended() == null ? m.withEnded(at) : null);
  }

  /** Changes a window's marks; {@code change} returns null to leave them. */
  void update(String windowId, UnaryOperator<Marks> change) {
    claim(windowId, change);
  }

  private boolean claim(String windowId, UnaryOperator<Marks> change) {
    synchronized (LOCK) {
      Marks before = of(windowId);
      Marks after = change.apply(before);
      if (after == null || after.equals(before)) {
        return false;
      }
      String json = Json.write(after);
      store.inTransaction(
          tx -> {
            tx.putDocument(KIND, windowId, json);
            return null;
          });
      return true;
    }
  }
}
