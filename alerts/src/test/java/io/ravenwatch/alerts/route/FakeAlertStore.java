package io.ravenwatch.alerts.route;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.alerts.silence.Silence;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A tiny in-memory store for router tests: transactions stage their writes and apply them only when
 * the work returns, so a rollback leaves nothing behind.
 */
final class FakeAlertStore implements AlertStore {
  private final Map<String, Map<String, String>> documents = new HashMap<>();
  final List<Notification> outbox = new ArrayList<>();
  private final Map<String, Silence> silences = new LinkedHashMap<>();
  private final Map<String, MaintenanceWindow> windows = new LinkedHashMap<>();
  private final Map<String, Ack> acks = new LinkedHashMap<>();
  private long nextId = 1;

  /** Makes the next enqueue throw, as a database error would: the transaction rolls back. */
  boolean failNextEnqueue;

  @Override
  public synchronized Map<String, String> loadDocuments(String kind) {
    return Map.copyOf(documents.getOrDefault(kind, Map.of()));
  }

  @Override
  public synchronized <T> T inTransaction(Function<Transaction, T> work) {
    var docs = new HashMap<String, Map<String, String>>();
    documents.forEach((k, v) -> docs.put(k, new HashMap<>(v)));
    var queued = new ArrayList<Notification>();
    long[] id = {nextId};
    T result =
        work.apply(
            new Transaction() {
              @Override
              public void putDocument(String kind, String key, String json) {
                docs.computeIfAbsent(kind, k -> new HashMap<>()).put(key, json);
              }

              @Override
              public void deleteDocument(String kind, String key) {
                docs.getOrDefault(kind, new HashMap<>()).remove(key);
              }

              @Override
              public Notification enqueue(Notification n) {
                if (failNextEnqueue) {
                  failNextEnqueue = false;
                  throw new IllegalStateException("database down");
                }
                Notification withId = n.withId(id[0]++);
                queued.add(withId);
                return withId;
              }
            });
    documents.clear();
    documents.putAll(docs);
    outbox.addAll(queued);
    nextId = id[0];
    return result;
  }

  @Override
  public List<OutboxEntry> pending(String receiver, int limit) {
    return List.of();
  }

  @Override
  public Optional<OutboxEntry> entry(long id) {
    return Optional.empty();
  }

  @Override
  public void markDelivered(long id, String messageId, Instant at) {}

  @Override
  public void markRetry(long id, String error, Instant nextAttempt) {}

  @Override
  public void markRejected(long id, String error, Instant at) {}

  @Override
  public synchronized void saveSilence(Silence silence) {
    silences.put(silence.id(), silence);
  }

  @Override
  public synchronized List<Silence> silences() {
    return List.copyOf(silences.values());
  }

  @Override
  public synchronized void saveWindow(MaintenanceWindow window) {
    windows.put(window.id(), window);
  }

  @Override
  public synchronized void deleteWindow(String id) {
    windows.remove(id);
  }

  @Override
  public synchronized List<MaintenanceWindow> windows() {
    return List.copyOf(windows.values());
  }

  @Override
  public synchronized void saveAck(Ack ack) {
    acks.put(ack.fingerprint(), ack);
  }

  @Override
  public synchronized void deleteAck(String fingerprint) {
    acks.remove(fingerprint);
  }

  @Override
  public synchronized List<Ack> acks() {
    return List.copyOf(acks.values());
  }

  @Override
  public AuditEntry appendAudit(AuditEntry entry) {
    throw new UnsupportedOperationException("the router writes no audit");
  }

  @Override
  public List<AuditEntry> audit(int limit) {
    return List.of();
  }

  @Override
  public void close() {}
}
