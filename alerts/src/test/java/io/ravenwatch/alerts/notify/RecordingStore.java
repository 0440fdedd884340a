package io.ravenwatch.alerts.notify;

import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.store.ForwardingAlertStore;
import io.ravenwatch.alerts.store.InMemoryAlertStore;
import io.ravenwatch.alerts.store.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference {@link InMemoryAlertStore}, recording what the dispatcher does to the outbox so
 * tests can check the order of its bookkeeping.
 */
final class RecordingStore extends ForwardingAlertStore {
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger pendingReads = new AtomicInteger();

  RecordingStore() {
    super(new InMemoryAlertStore());
  }

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
    return delegate().pending(receiver, limit);
  }

  @Override
  public void markDelivered(long id, String messageId, Instant at) {
    calls.add("delivered " + id);
    delegate().markDelivered(id, messageId, at);
  }

  @Override
  public void markRetry(long id, String error, Instant nextAttempt) {
    calls.add("retry " + id);
    delegate().markRetry(id, error, nextAttempt);
  }

  @Override
  public void markRejected(long id, String error, Instant at) {
    calls.add("rejected " + id);
    delegate().markRejected(id, error, at);
  }
}
