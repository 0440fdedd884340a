package io.ravenwatch.alerts.route;

import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.store.ForwardingAlertStore;
import io.ravenwatch.alerts.store.InMemoryAlertStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The reference {@link InMemoryAlertStore} for router tests (its transactions apply their writes
 * only when the work returns, so a rollback leaves nothing behind), keeping the committed
 * notifications in order and able to fail an enqueue as a database error would.
 */
final class FakeAlertStore extends ForwardingAlertStore {
  /** The notifications committed, in order. */
  final List<Notification> outbox = new CopyOnWriteArrayList<>();

  /** Makes the next enqueue throw, as a database error would: the transaction rolls back. */
  volatile boolean failNextEnqueue;

  FakeAlertStore() {
    super(new InMemoryAlertStore());
  }

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    var queued = new ArrayList<Notification>();
    T result =
        delegate()
            .inTransaction(
                tx ->
                    work.apply(
                        new Transaction() {
                          @Override
                          public void putDocument(String kind, String key, String json) {
                            tx.putDocument(kind, key, json);
                          }

                          @Override
                          public void deleteDocument(String kind, String key) {
                            tx.deleteDocument(kind, key);
                          }

                          @Override
                          public Notification enqueue(Notification n) {
                            if (failNextEnqueue) {
                              failNextEnqueue = false;
                              throw new IllegalStateException("database down");
                            }
                            Notification withId = tx.enqueue(n);
                            queued.add(withId);
                            return withId;
                          }
                        }));
    outbox.addAll(queued); // reached only when the transaction committed
    return result;
  }
}
