package io.ravenwatch.alerts.store;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.probes.config.Validatable;

/**
 * The {@code store:} section of the alert engine: where alert state, the outbox, silences, windows
 * and acks live. Without a {@code url}, an embedded H2 database in the data directory ({@code
 * <data_dir>/state/ravenwatch.mv.db}) — nothing to install.
 *
 * <pre>{@code
 * store:
 *   url: jdbc:postgresql://db.example:5432/ravenwatch
 *   username: ${RAVENWATCH_DB_USER}
 *   password: ${RAVENWATCH_DB_PASSWORD}
 * }</pre>
 *
 * @param url a {@code jdbc:postgresql:} (or {@code jdbc:h2:}) URL; absent: H2 in the data dir
 * @param username the database user, as {@code ${ENV}}
 * @param password the database password, as {@code ${ENV}}
 * @param poolSize connections kept open
 */
public record StoreSettings(
    @OptionalKey String url,
    @OptionalKey Secret username,
    @OptionalKey Secret password,
    @Default("4") int poolSize)
    implements Validatable {

  /** The default: embedded H2 in the data directory. */
  public static final StoreSettings EMBEDDED = new StoreSettings(null, null, null, 4);

  /** Whether an external database is configured (otherwise H2 in the data directory). */
  public boolean external() {
    return url != null && !url.isBlank();
  }

  @Override
  public void validate(ConfigProblems problems) {
    if (external() && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      problems.report("url", "a jdbc:postgresql: or jdbc:h2: URL", url);
    }
    if (poolSize < 1 || poolSize > 100) {
      problems.report("pool_size", "a number of connections from 1 to 100", poolSize);
    }
  }
}
