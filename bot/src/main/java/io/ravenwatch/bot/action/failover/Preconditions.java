package io.ravenwatch.bot.action.failover;

import io.ravenwatch.bot.chat.LastResults;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import java.time.Duration;

/**
 * What must hold before a failover runs, checked when the plan is shown and again after the
 * confirmation.
 *
 * <pre>{@code
 * preconditions:
 *   healthy_probes: 3          # the standby's last 3 probe results are all OK (0: not checked)
 *   max_replication_lag: 10s   # Redis: link up and last I/O from the primary within 10 s;
 *                              # PostgreSQL: lag_query's seconds at most 10
 * }</pre>
 *
 * <p>A replication lag can only be measured while the primary still talks to the standby: leave it
 * out for services whose primary is expected to be dead when they fail over.
 *
 * @param healthyProbes how many of the standby target's newest probe results must all be OK
 * @param maxReplicationLag the most replication lag allowed, or null for no check
 * @param lagQuery PostgreSQL: a query on the standby returning the lag in seconds
 */
public record Preconditions(
    @Default("3") int healthyProbes,
    @OptionalKey Duration maxReplicationLag,
    @Default(DEFAULT_LAG_QUERY) String lagQuery)
    implements Validatable {

  /**
   * Seconds since the last transaction the standby replayed, or 0 when it has replayed everything
   * it received (an idle primary sends nothing, which is no lag).
   */
  public static final String DEFAULT_LAG_QUERY =
      "SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
          + " ELSE COALESCE(EXTRACT(EPOCH FROM (now() - pg_last_xact_replay_timestamp())), 0) END";

  /** The defaults, for a service without {@code preconditions:}. */
  public static final Preconditions DEFAULTS = new Preconditions(3, null, DEFAULT_LAG_QUERY);

  @Override
  public void validate(ConfigProblems problems) {
    if (healthyProbes < 0 || healthyProbes > LastResults.RECENT) {
      problems.report("healthy_probes", "a number from 0 to " + LastResults.RECENT, healthyProbes);
    }
    if (maxReplicationLag != null && maxReplicationLag.isNegative()) {
      problems.report("max_replication_lag", "a duration like 10s", maxReplicationLag);
    }
  }
}
