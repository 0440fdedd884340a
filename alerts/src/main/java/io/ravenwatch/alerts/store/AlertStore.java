package io.ravenwatch.alerts.store;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.alerts.silence.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the alert engine keeps what must survive a restart: the lifecycle's and the router's state
 * (as JSON documents by kind and key), the notification outbox, silences, maintenance windows and
 * acknowledgements, and the audit trail of chat actions. A state change and the notifications it
 * causes are written in one {@link #inTransaction transaction}, so a crash never leaves one without
 * the other.
 *
 * <p>Implementations: JDBC on embedded H2 (the default) or PostgreSQL, with Flyway migrations.
 */
public interface AlertStore extends AutoCloseable {

  /** Every document of a kind (e.g. {@code "alert"}, {@code "group"}), by key. */
  Map<String, String> loadDocuments(String kind);

  /** Runs {@code work} in one transaction; committed when it returns, rolled back if it throws. */
  <T> T inTransaction(Function<Transaction, T> work);

  /** What can be written atomically. */
  interface Transaction {
    void putDocument(String kind, String key, String json);

    void deleteDocument(String kind, String key);

    /** Appends to the outbox; returns the notification with its id (outbox order). */
    Notification enqueue(Notification notification);
  }

  /**
   * The oldest undelivered notifications for a receiver, in outbox order: not delivered, not
   * rejected. The dispatcher delivers them strictly in this order.
   */
  List<OutboxEntry> pending(String receiver, int limit);

  /** A notification by its outbox id, with its delivery state. */
  Optional<OutboxEntry> entry(long id);

  void markDelivered(long id, String messageId, Instant at);

  /** A failed attempt that will be tried again at {@code nextAttempt}. */
  void markRetry(long id, String error, Instant nextAttempt);

  /** A notification the receiver refused for good: skipped, kept for the record. */
  void markRejected(long id, String error, Instant at);

  void saveSilence(Silence silence);

  /** All silences, expired ones included (callers filter by time). */
  List<Silence> silences();

  void saveWindow(MaintenanceWindow window);

  void deleteWindow(String id);

  List<MaintenanceWindow> windows();

  void saveAck(Ack ack);

  void deleteAck(String fingerprint);

  List<Ack> acks();

  /** Appends to the audit trail; returns the entry with its id (append order). */
  AuditEntry appendAudit(AuditEntry entry);

  /** The newest {@code limit} audit entries, newest first. */
  List<AuditEntry> audit(int limit);

  @Override
  void close();
}
