package io.ravenwatch.alerts.store;

import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.testkit.PostgresServer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real PostgreSQL server, one fresh database per test. */
class PostgresAlertStoreIT extends JdbcAlertStoreContract {
  private static final AtomicInteger databases = new AtomicInteger();
  private static PostgresServer postgres;

  @TempDir Path dataDir;
  private String url;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.launch();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  protected AlertStore openStore() {
    url = newDatabase();
    return reopenStore();
  }

  @Override
  protected AlertStore reopenStore() {
    var settings = new StoreSettings(url, Secret.literal(PostgresServer.USER), null, 2);
    return AlertStores.open(settings, dataDir, CLOCK);
  }

  @Override
  protected String emptyDatabaseUrl() {
    return newDatabase();
  }

  @Override
  protected String username() {
    return PostgresServer.USER;
  }

  private static String newDatabase() {
    String name = "alerts_" + databases.incrementAndGet();
    postgres.createDatabase(name);
    return postgres.jdbcUrl(name);
  }
}
