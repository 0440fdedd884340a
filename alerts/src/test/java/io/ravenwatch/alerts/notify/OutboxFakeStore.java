package io.ravenwatch.alerts.notify;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.alerts.silence.Silence;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A small in-memory {@link AlertStore} for the dispatcher's tests: a real outbox (ids in order,
 * delivery state), everything else kept in lists. Thread-safe by one lock.
 */
final class OutboxFakeStore implements AlertStore {
  private final TreeMap<Long, OutboxEntry> outbox = new TreeMap<>();
  private final List<String> calls = new ArrayList<>();
  private long nextId = 1;
  private int pendingReads;

  /** Enqueues in its own transaction, as the router does. */
  Notification enqueue(Notification n) {
    return inTransaction(tx -> tx.enqueue(n));
  }

  /** Every markDelivered/markRetry/markRejected call, as "delivered 3", in order. */
  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** How often {@link #pending} was called. */
  synchronized int pendingReads() {
    return pendingReads;
  }

  @Override
  public synchronized Map<String, String> loadDocuments(String kind) {
    return Map.of();
  }

  @Override
  public synchronized <T> T inTransaction(Function<Transaction, T> work) {
    return work.apply(
        new Transaction() {
          @Override
          public void putDocument(String kind, String key, String json) {}

          @Override
          public void deleteDocument(String kind, String key) {}

          @Override
          public Notification enqueue(Notification notification) {
            Notification stored = notification.withId(nextId++);
            outbox.put(stored.id(), new OutboxEntry(stored, 0, null, null, null, null, null));
            return stored;
          }
        });
  }

  @Override
  public synchronized List<OutboxEntry> pending(String receiver, int limit) {
    pendingReads++;
    return outbox.values().stream()
        .filter(e -> e.notification().receiver().equals(receiver))
        .filter(e -> e.deliveredAt() == null && e.rejectedAt() == null)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<OutboxEntry> entry(long id) {
    return Optional.ofNullable(outbox.get(id));
  }

  @Override
  public synchronized void markDelivered(long id, String messageId, Instant at) {
    calls.add("delivered " + id);
    OutboxEntry e = outbox.get(id);
    outbox.put(
        id,
        new OutboxEntry(
            e.notification(), e.attempts(), e.nextAttempt(), e.lastError(), at, messageId, null));
  }

  @Override
  public synchronized void markRetry(long id, String error, Instant nextAttempt) {
    calls.add("retry " + id);
    OutboxEntry e = outbox.get(id);
    outbox.put(
        id,
        new OutboxEntry(e.notification(), e.attempts() + 1, nextAttempt, error, null, null, null));
  }

  @Override
  public synchronized void markRejected(long id, String error, Instant at) {
    calls.add("rejected " + id);
    OutboxEntry e = outbox.get(id);
    outbox.put(
        id,
        new OutboxEntry(
            e.notification(), e.attempts() + 1, e.nextAttempt(), error, null, null, at));
  }

  @Override
  public void saveSilence(Silence silence) {}

  @Override
  public List<Silence> silences() {
    return List.of();
  }

  @Override
  public void saveWindow(MaintenanceWindow window) {}

  @Override
  public void deleteWindow(String id) {}

  @Override
  public List<MaintenanceWindow> windows() {
    return List.of();
  }

  @Override
  public void saveAck(Ack ack) {}

  @Override
  public void deleteAck(String fingerprint) {}

  @Override
  public List<Ack> acks() {
    return List.of();
  }

  @Override
  public void close() {}
}
