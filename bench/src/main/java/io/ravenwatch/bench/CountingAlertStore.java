package io.ravenwatch.bench;

import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.ForwardingAlertStore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/** The real store, counting the transactions committed and what they wrote. */
final class CountingAlertStore extends ForwardingAlertStore {
  final LongAdder transactions = new LongAdder();
  final LongAdder documentWrites = new LongAdder();
  final LongAdder enqueued = new LongAdder();

  /** Transactions committed on {@link #caller}'s thread: by evaluation, not by the ticker. */
  final LongAdder callerTransactions = new LongAdder();

  volatile Thread caller;

  CountingAlertStore(AlertStore store) {
    super(store);
  }

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    T out =
        delegate()
            .inTransaction(
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
}
