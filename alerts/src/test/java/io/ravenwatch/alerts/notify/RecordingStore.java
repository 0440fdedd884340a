package io.ravenwatch.alerts.notify;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.alerts.silence.Silence;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.InMemoryAlertStore;
import io.ravenwatch.alerts.store.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The reference {@link InMemoryAlertStore}, recording what the dispatcher does to the outbox so
 * tests can check the order of its bookkeeping.
 */
final class RecordingStore implements AlertStore {
  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger pendingReads = new AtomicInteger();

  /** Enqueues in its own transaction, as the router does. */
  Notification enqueue(Notification n) {
    return inTransaction(tx -> tx.enqueue(n));
  }

  /** Every markDelivered/markRetry/markRejected call, as "delivered 3", in order. */
  List<String> calls() {
    return List.copyOf(calls);
  }

  /** How often {@link #pending} was called. */
  int pendingReads() {
    return pendingReads.get();
  }

  @Override
  public List<OutboxEntry> pending(String receiver, int limit) {
    pendingReads.incrementAndGet();
    return store.pending(receiver, limit);
  }

  @Override
  public void markDelivered(long id, String messageId, Instant at) {
    calls.add("delivered " + id);
    store.markDelivered(id, messageId, at);
  }

  @Override
  public void markRetry(long id, String error, Instant nextAttempt) {
    calls.add("retry " + id);
    store.markRetry(id, error, nextAttempt);
  }

  @Override
  public void markRejected(long id, String error, Instant at) {
    calls.add("rejected " + id);
    store.markRejected(id, error, at);
  }

  @Override
  public Optional<OutboxEntry> entry(long id) {
    return store.entry(id);
  }

  @Override
  public Map<String, String> loadDocuments(String kind) {
    return store.loadDocuments(kind);
  }

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    return store.inTransaction(work);
  }

  @Override
  public void saveSilence(Silence silence) {
    store.saveSilence(silence);
  }

  @Override
  public List<Silence> silences() {
    return store.silences();
  }

  @Override
  public void saveWindow(MaintenanceWindow window) {
    store.saveWindow(window);
  }

  @Override
  public void deleteWindow(String id) {
    store.deleteWindow(id);
  }

  @Override
  public List<MaintenanceWindow> windows() {
    return store.windows();
  }

  @Override
  public void saveAck(Ack ack) {
    store.saveAck(ack);
  }

  @Override
  public void deleteAck(String fingerprint) {
    store.deleteAck(fingerprint);
  }

  @Override
  public List<Ack> acks() {
    return store.acks();
  }

  @Override
  public AuditEntry appendAudit(AuditEntry entry) {
    return store.appendAudit(entry);
  }

  @Override
  public List<AuditEntry> audit(int limit) {
    return store.audit(limit);
  }

  @Override
  public void close() {
    store.close();
  }
}
