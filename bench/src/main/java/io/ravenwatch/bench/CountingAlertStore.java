package io.ravenwatch.bench;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.alerts.silence.Silence;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/** The real store, counting the transactions committed and what they wrote. */
final class CountingAlertStore implements AlertStore {
  private final AlertStore store;
  final LongAdder transactions = new LongAdder();
  final LongAdder documentWrites = new LongAdder();
  final LongAdder enqueued = new LongAdder();

  /** Transactions committed on {@link #caller}'s thread: by evaluation, not by the ticker. */
  final LongAdder callerTransactions = new LongAdder();

  volatile Thread caller;

  CountingAlertStore(AlertStore store) {
    this.store = store;
  }

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    T out =
        store.inTransaction(
            tx ->
                work.apply(
                    new Transaction() {
                      @Override
                      public void putDocument(String kind, String key, String json) {
                        documentWrites.increment();
                        tx.putDocument(kind, key, json);
                      }

                      @Override
                      public void deleteDocument(String kind, String key) {
                        documentWrites.increment();
                        tx.deleteDocument(kind, key);
                      }

                      @Override
                      public Notification enqueue(Notification notification) {
                        enqueued.increment();
                        return tx.enqueue(notification);
                      }
                    }));
    transactions.increment();
    if (Thread.currentThread() == caller) {
      callerTransactions.increment();
    }
    return out;
  }

  @Override
  public Map<String, String> loadDocuments(String kind) {
    return store.loadDocuments(kind);
  }

  @Override
  public List<OutboxEntry> pending(String receiver, int limit) {
    return store.pending(receiver, limit);
  }

  @Override
  public Optional<OutboxEntry> entry(long id) {
    return store.entry(id);
  }

  @Override
  public void markDelivered(long id, String messageId, Instant at) {
    store.markDelivered(id, messageId, at);
  }

  @Override
  public void markRetry(long id, String error, Instant nextAttempt) {
    store.markRetry(id, error, nextAttempt);
  }

  @Override
  public void markRejected(long id, String error, Instant at) {
    store.markRejected(id, error, at);
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
