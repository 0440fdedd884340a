package io.ravenwatch.alerts.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM by {@link H2CrashSafetyTest}: commits documents and notifications in quick
 * succession, says so on stdout, then waits to be killed with SIGKILL.
 */
public final class H2CrashWriter {
  private H2CrashWriter() {}

  public static void main(String[] args) throws InterruptedException {
    AlertStore store =
        AlertStores.open(StoreSettings.EMBEDDED, Path.of(args[0]), Clock.systemUTC());
    long id = 0;
    for (int i = 1; i <= 20; i++) {
      String key = "a" + i;
      id =
          store.inTransaction(
              tx -> {
                tx.putDocument("alert", key, "{\"state\":\"FIRING\"}");
                return tx.enqueue(AlertStoreContract.notification("discord", key)).id();
              });
    }
    System.out.println("committed " + id);
    System.out.flush();
    new CountDownLatch(1).await(); // until killed: the store is never closed
  }
}
