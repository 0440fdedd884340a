package io.ravenwatch.alerts.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the alert store the configuration asks for: a connection pool, the schema migrated by
 * Flyway ({@code db/migration}), a {@link JdbcAlertStore}.
 *
 * <pre>{@code
 * try (AlertStore store = AlertStores.open(settings.store(), dataDir)) {
 *   // …
 * }
 * }</pre>
 */
public final class AlertStores {
  private static final Logger logger = LoggerFactory.getLogger(AlertStores.class);

  /**
   * The embedded database's settings. {@code WRITE_DELAY=0}: H2 (MVStore) has no redo log and by
   * default writes committed changes in the background up to 500 ms later, so a killed process
   * could lose a committed transaction; with 0 each commit is written to the file before it
   * returns. {@code DB_CLOSE_ON_EXIT=FALSE}: the pool, not a JVM shutdown hook racing the last
   * writes, closes the database. {@code LOCK_TIMEOUT}: a writer waits for a row another transaction
   * holds instead of failing after H2's default 1 s.
   */
  static final String H2_OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

  private AlertStores() {}

  /** Opens the store with the system clock. */
  public static AlertStore open(StoreSettings settings, Path dataDir) {
    return open(settings, dataDir, Clock.systemUTC());
  }

  /**
   * Creates the pool, migrates the schema and returns the store; {@link AlertStore#close()} closes
   * the pool.
   *
   * @param dataDir where the embedded H2 database lives ({@code <dataDir>/state}) when no URL is
   *     configured
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static AlertStore open(StoreSettings settings, Path dataDir, Clock clock) {
    String url;
    if (settings.external()) {
      url = settings.url();
      logger.info(
          "Alert state in {} at {}",
          url.startsWith("jdbc:h2:") ? "H2" : "PostgreSQL",
          withoutCredentials(url));
    } else {
      Path dir = dataDir.resolve("state").toAbsolutePath();
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the alert state directory " + dir, e);
      }
      url = "jdbc:h2:file:" + dir.resolve("ravenwatch") + H2_OPTIONS;
      logger.info("Alert state in H2 at {}", dir.resolve("ravenwatch.mv.db"));
    }
    var config = new HikariConfig();
    config.setPoolName("ravenwatch-alert-store");
    config.setJdbcUrl(url);
    if (settings.username() != null) {
      config.setUsername(settings.username().reveal());
    }
    if (settings.password() != null) {
      config.setPassword(settings.password().reveal());
    }
    config.setMaximumPoolSize(settings.poolSize());
    config.setAutoCommit(true);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot open the alert store at " + withoutCredentials(url) + ": " + rootMessage(e), e);
    }
    try {
      int applied = migrate(pool);
      if (applied > 0) {
        logger.info("Alert store schema: {} migration(s) applied", applied);
      }
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException(
          "cannot migrate the alert store at " + withoutCredentials(url) + ": " + rootMessage(e),
          e);
    }
    return new JdbcAlertStore(pool, clock, pool);
  }

  /**
   * Brings the schema up to date; a no-op on an up-to-date database.
   *
   * @return how many migrations were applied
   */
  public static int migrate(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /** A JDBC URL fit for a log: no query parameters (user, password) and no user info. */
  static String withoutCredentials(String url) {
    String base = url.replaceFirst("//[^/@?]*@", "//");
    int q = base.indexOf('?');
    base = q < 0 ? base : base.substring(0, q);
    int semicolon = base.indexOf(';');
    return semicolon < 0 ? base : base.substring(0, semicolon);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
