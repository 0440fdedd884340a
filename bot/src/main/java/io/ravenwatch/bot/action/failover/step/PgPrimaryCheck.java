package io.ravenwatch.bot.action.failover.step;

import io.ravenwatch.bot.action.failover.NodeConfig;
import io.ravenwatch.probes.config.OptionalKey;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code pg_primary}: a check that a node's PostgreSQL is a primary ({@code pg_is_in_recovery()}
 * false) and takes a write ({@code txid_current()} needs a writable server).
 *
 * <pre>{@code
 * post_checks:
 *   - {type: pg_primary}                           # node: "{{standby}}"
 * }</pre>
 */
public final class PgPrimaryCheck implements Step {
  public static final StepType<Settings> TYPE =
      new StepType<>("pg_primary", Settings.class, StepType.Endpoint.POSTGRES, PgPrimaryCheck::new);

  /**
   * @param node the node ({@code {{standby}}} when absent)
   */
  public record Settings(@OptionalKey String node) implements NodeStep {
    public Settings {
      node = node == null ? NodeRefs.STANDBY : node;
    }
  }

  private final Settings settings;

  PgPrimaryCheck(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String describe(StepContext c) {
    return "PostgreSQL: " + c.nodeName(settings.node()) + " is a primary and takes writes";
  }

  @Override
  public StepResult run(StepContext c) {
    String name = c.nodeName(settings.node());
    NodeConfig node = c.node(settings.node());
    try (Connection db = Pg.connect(node.host(), node.postgres(), c.timeout())) {
      if (Pg.inRecovery(db)) {
        return StepResult.failed(name + " is in recovery (a standby)", "in recovery");
      }
      try (var st = db.createStatement();
          var rs = st.executeQuery("SELECT txid_current()")) {
        rs.next();
        return StepResult.ok(name + " not in recovery, took transaction " + rs.getLong(1));
      }
    } catch (SQLException e) {
      return StepResult.failed("PostgreSQL on " + name + ": " + Pg.reason(e));
    }
  }
}
