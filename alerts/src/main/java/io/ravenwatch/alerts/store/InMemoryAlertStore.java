package io.ravenwatch.alerts.store;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.alerts.silence.Silence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@link AlertStore} in memory: the reference semantics of {@link JdbcAlertStore} (the same
 * contract tests run against both), for unit tests of the engine. Nothing survives {@link
 * #close()}. Thread-safe; a transaction holds the store's lock for its whole work and applies its
 * writes only when the work returns. Unlike the JDBC store it keeps instants at full precision.
 */
public final class InMemoryAlertStore implements AlertStore {

  private final Map<String, Map<String, String>> documents = new HashMap<>();
  private final TreeMap<Long, OutboxEntry> outbox = new TreeMap<>();
  private final Map<String, Silence> silences = new HashMap<>();
  private final Map<String, MaintenanceWindow> windows = new HashMap<>();
  private final Map<String, Ack> acks = new HashMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private long lastId;

  @Override
  public synchronized Map<String, String> loadDocuments(String kind) {
    return new TreeMap<>(documents.getOrDefault(kind, Map.of()));
  }

  @Override
  public synchronized <T> T inTransaction(Function<Transaction, T> work) {
    var tx = new Buffered();
    T result;
    try {
      result = work.apply(tx);
    } finally {
      tx.open = false;
    }
    tx.writes.forEach(Runnable::run);
    return result;
  }

  /** Collects the writes; they are applied together when the work returns. */
  private final class Buffered implements Transaction {
    private final List<Runnable> writes = new ArrayList<>();
    private boolean open = true;

    @Override
    public void putDocument(String kind, String key, String json) {
      check();
      writes.add(() -> documents.computeIfAbsent(kind, k -> new HashMap<>()).put(key, json));
    }

    @Override
    public void deleteDocument(String kind, String key) {
      check();
      writes.add(() -> documents.getOrDefault(kind, new HashMap<>()).remove(key));
    }

    @Override
    public Notification enqueue(Notification notification) {
      check();
      // Like an identity column, an id taken by a rolled-back transaction is not reused.
      Notification withId = notification.withId(++lastId);
      writes.add(
          () -> outbox.put(withId.id(), new OutboxEntry(withId, 0, null, null, null, null, null)));
      return withId;
    }

    private void check() {
      if (!open) {
        throw new IllegalStateException("the transaction is over: use it only inside its work");
      }
    }
  }

  @Override
  public synchronized List<OutboxEntry> pending(String receiver, int limit) {
    return outbox.values().stream()
        .filter(e -> e.notification().receiver().equals(receiver) && !done(e))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<OutboxEntry> entry(long id) {
    return Optional.ofNullable(outbox.get(id));
  }

  @Override
  public synchronized void markDelivered(long id, String messageId, Instant at) {
    update(
        id,
        e ->
            new OutboxEntry(
                e.notification(),
                e.attempts(),
                e.nextAttempt(),
                e.lastError(),
                at,
                messageId,
                null));
  }

  @Override
  public synchronized void markRetry(long id, String error, Instant nextAttempt) {
    update(
        id,
        e ->
            new OutboxEntry(
                e.notification(), e.attempts() + 1, nextAttempt, error, null, null, null));
  }

  @Override
  public synchronized void markRejected(long id, String error, Instant at) {
    update(
        id,
        e ->
            new OutboxEntry(
                e.notification(), e.attempts(), e.nextAttempt(), error, null, null, at));
  }

  // As in the JDBC store: a finished entry stays as it is; an unknown id is a caller's bug.
  private void update(long id, Function<OutboxEntry, OutboxEntry> change) {
    OutboxEntry e = outbox.get(id);
    if (e == null) {
      throw new NoSuchElementException("no outbox entry " + id);
    }
    if (!done(e)) {
      outbox.put(id, change.apply(e));
    }
  }

  private static boolean done(OutboxEntry e) {
    return e.deliveredAt() != null || e.rejectedAt() != null;
  }

  @Override
  public synchronized void saveSilence(Silence silence) {
    silences.put(silence.id(), silence);
  }

  @Override
  public synchronized List<Silence> silences() {
    return silences.values().stream()
        .sorted(Comparator.comparing(Silence::createdAt).thenComparing(Silence::id))
        .toList();
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
    return windows.values().stream()
        .sorted(
            Comparator.comparing(MaintenanceWindow::createdAt).thenComparing(MaintenanceWindow::id))
        .toList();
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
    return acks.values().stream()
        .sorted(Comparator.comparing(Ack::at).thenComparing(Ack::fingerprint))
        .toList();
  }

  @Override
  public synchronized AuditEntry appendAudit(AuditEntry entry) {
    AuditEntry stored = entry.withId(audit.size() + 1L);
    audit.add(stored);
    return stored;
  }

  @Override
  public synchronized List<AuditEntry> audit(int limit) {
    return audit.reversed().stream().limit(limit).toList();
  }

  @Override
  public void close() {
    // nothing to release
  }
}
