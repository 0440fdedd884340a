package io.ravenwatch.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the default store: embedded H2 in the data directory. */
class H2AlertStoreTest extends JdbcAlertStoreContract {
  @TempDir Path dataDir;

  @Override
  protected AlertStore openStore() {
    return AlertStores.open(StoreSettings.EMBEDDED, dataDir, CLOCK);
  }

  @Override
  protected AlertStore reopenStore() {
    return openStore();
  }

  @Override
  protected String emptyDatabaseUrl() {
    return "jdbc:h2:file:" + dataDir.resolve("empty/db") + AlertStores.H2_OPTIONS;
  }

  @Test
  void keepsTheDatabaseInTheStateDirectoryOfTheDataDir() {
    assertThat(dataDir.resolve("state/ravenwatch.mv.db")).isRegularFile();
  }
}
