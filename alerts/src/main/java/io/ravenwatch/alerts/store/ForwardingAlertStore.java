package io.ravenwatch.alerts.store;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.alerts.silence.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A store that passes every call to another: extend it and override what to observe or change
 * (counting transactions in a benchmark, recording the dispatcher's bookkeeping in a test).
 */
public abstract class ForwardingAlertStore implements AlertStore {
  private final AlertStore delegate;

  protected ForwardingAlertStore(AlertStore delegate) {
    this.delegate = Objects.requireNonNull(delegate);
  }

  /** The store calls go to. */
  protected AlertStore delegate() {
    return delegate;
  }

  @Override
  public Map<String, String> loadDocuments(String kind) {
    return delegate.loadDocuments(kind);
  }

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    return delegate.inTransaction(work);
  }

  @Override
  public List<OutboxEntry> pending(String receiver, int limit) {
    return delegate.pending(receiver, limit);
  }

  @Override
  public Optional<OutboxEntry> entry(long id) {
    return delegate.entry(id);
  }

  @Override
  public void markDelivered(long id, String messageId, Instant at) {
    delegate.markDelivered(id, messageId, at);
  }

  @Override
  public void markRetry(long id, String error, Instant nextAttempt) {
    delegate.markRetry(id, error, nextAttempt);
  }

  @Override
  public void markRejected(long id, String error, Instant at) {
    delegate.markRejected(id, error, at);
  }

  @Override
  public void saveSilence(Silence silence) {
    delegate.saveSilence(silence);
  }

  @Override
  public List<Silence> silences() {
    return delegate.silences();
  }

  @Override
  public void saveWindow(MaintenanceWindow window) {
    delegate.saveWindow(window);
  }

  @Override
  public void deleteWindow(String id) {
    delegate.deleteWindow(id);
  }

  @Override
  public List<MaintenanceWindow> windows() {
    return delegate.windows();
  }

  @Override
  public void saveAck(Ack ack) {
    delegate.saveAck(ack);
  }

  @Override
  public void deleteAck(String fingerprint) {
    delegate.deleteAck(fingerprint);
  }

  @Override
  public List<Ack> acks() {
    return delegate.acks();
  }

  @Override
  public AuditEntry appendAudit(AuditEntry entry) {
    return delegate.appendAudit(entry);
  }

  @Override
  public List<AuditEntry> audit(int limit) {
    return delegate.audit(limit);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
