package io.ravenwatch.bot.action.failover.step;

import io.ravenwatch.bot.action.failover.NodeConfig;
import io.ravenwatch.probes.config.OptionalKey;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code pg_promote}: promotes a PostgreSQL standby with {@code pg_promote(true, seconds)} (waiting
 * for the promotion within the step's time limit) and checks {@code pg_is_in_recovery()} is false
 * after. A node that is already a primary is reported as such, not promoted again. The old primary
 * is not re-pointed: PostgreSQL needs pg_rewind or a fresh base backup for that, and fencing it
 * ({@code ipmi_power}) is the step that keeps it from taking writes.
 *
 * <pre>{@code
 * - {type: pg_promote}                           # node: "{{standby}}"
 * }</pre>
 */
public final class PgPromoteStep implements Step {
  public static final StepType<Settings> TYPE =
      new StepType<>("pg_promote", Settings.class, StepType.Endpoint.POSTGRES, PgPromoteStep::new);

  /**
   * @param node the standby to promote ({@code {{standby}}} when absent)
   */
  public record Settings(@OptionalKey String node) implements NodeStep {
    public Settings {
      node = node == null ? NodeRefs.STANDBY : node;
    }
  }

  private final Settings settings;

  PgPromoteStep(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String describe(StepContext c) {
    return "PostgreSQL: promote " + c.nodeName(settings.node()) + " (pg_promote())";
  }

  @Override
  public StepResult run(StepContext c) {
    String name = c.nodeName(settings.node());
    NodeConfig node = c.node(settings.node());
    try (Connection db = Pg.connect(node.host(), node.postgres(), c.timeout())) {
      if (!Pg.inRecovery(db)) {
        return StepResult.ok(name + " was already a primary (not in recovery)");
      }
      int waitSeconds = (int) Math.max(1, c.timeout().toSeconds() - 1);
      boolean promoted;
      try (var st = db.prepareStatement("SELECT pg_promote(true, ?)")) {
        st.setInt(1, waitSeconds);
        try (var rs = st.executeQuery()) {
          rs.next();
          promoted = rs.getBoolean(1);
        }
      }
      if (!promoted) {
        return StepResult.failed(name + " did not finish promoting within " + waitSeconds + "s");
      }
      return Pg.inRecovery(db)
          ? StepResult.failed(name + " is still in recovery after pg_promote()")
          : StepResult.ok(name + " promoted: not in recovery");
    } catch (SQLException e) {
      return StepResult.failed("PostgreSQL on " + name + ": " + Pg.reason(e));
    }
  }
}
