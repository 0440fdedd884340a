package io.ravenwatch.alerts.lifecycle;

import io.ravenwatch.alerts.api.AlertEvent;
import io.ravenwatch.alerts.store.AlertStore;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lifecycle did in one call: the transitions (in order per alert) and the alert states to
 * store. Write both in one transaction with the notifications the events cause, so that after a
 * crash the stored state and the outbox agree: {@link #persist} puts the states, the router
 * enqueues the notifications, and the store commits them together.
 *
 * <pre>{@code
 * Changes changes = tracker.observe(observation);
 * if (!changes.isEmpty()) {
 *   store.inTransaction(tx -> {
 *     changes.persist(tx);
 *     router.route(changes.events(), tx); // enqueues notifications through tx
 *     return null;
 *   });
 * }
 * }</pre>
 *
 * <p>Most observations change nothing worth storing: then this is {@link #NONE} and costs nothing.
 *
 * @param events the transitions, in the order they happened per alert
 * @param writes the documents to put or delete, in order
 */
public record Changes(List<AlertEvent> events, List<Write> writes) {

  /** Nothing happened. */
  public static final Changes NONE = new Changes(List.of(), List.of());

  public Changes {
    events = List.copyOf(events);
    writes = List.copyOf(writes);
  }

  /** One stored-document change. */
  public sealed interface Write {
    /** The document key: the alert's fingerprint. */
    String fingerprint();
  }

  /** Store the alert's state (a snapshot, serialized when written). */
  public record Put(AlertRecord alert) implements Write {
    @Override
    public String fingerprint() {
      return alert.fingerprint();
    }
  }

  /** Forget the alert's stored state. */
  public record Delete(String fingerprint) implements Write {}

  public boolean isEmpty() {
    return events.isEmpty() && writes.isEmpty();
  }

  /**
   * Writes the states through {@code tx} as documents of kind {@code "alert"} keyed by fingerprint
   * (what {@link AlertTracker#restore} reads back).
   */
  public void persist(AlertStore.Transaction tx) {
    for (Write w : writes) {
      switch (w) {
        case Put p ->
            tx.putDocument(AlertDocuments.KIND, p.fingerprint(), AlertDocuments.toJson(p.alert()));
        case Delete d -> tx.deleteDocument(AlertDocuments.KIND, d.fingerprint());
      }
    }
  }

  /** These changes followed by {@code other}'s. */
  public Changes plus(Changes other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    var e = new ArrayList<>(events);
    e.addAll(other.events);
    var w = new ArrayList<>(writes);
    w.addAll(other.writes);
    return new Changes(e, w);
  }
}
