package io.ravenwatch.bot.action.failover;

import io.ravenwatch.bot.action.failover.step.Pg;
import io.ravenwatch.bot.action.failover.step.Resp;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each node of a service says it is right now — Redis {@code master}/{@code replica},
 * PostgreSQL {@code primary}/{@code standby}, {@code unreachable} — for the audit's state before
 * and after a failover.
 */
public final class NodeRoles {
  private NodeRoles() {}

  /** E.g. {@code active redis-a; redis-a master, redis-b replica}. */
  public static String describe(ServicePlan plan, String active, Duration timeout) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, NodeConfig> e : plan.nodes().entrySet()) {
      parts.add(e.getKey() + " " + role(e.getValue(), timeout));
    }
    return "active " + active + "; " + String.join(", ", parts);
  }

  static String role(NodeConfig node, Duration timeout) {
    if (node.redis() != null) {
      try (Resp redis = Resp.connect(node.host(), node.redis(), timeout)) {
        String role = redis.role();
        return "slave".equals(role) ? "replica" : role;
      } catch (IOException e) {
        return "unreachable";
      }
    }
    if (node.postgres() != null) {
      try (Connection db = Pg.connect(node.host(), node.postgres(), timeout)) {
        return Pg.inRecovery(db) ? "standby" : "primary";
      } catch (SQLException e) {
        return "unreachable";
      }
    }
    return "role unknown";
  }
}
