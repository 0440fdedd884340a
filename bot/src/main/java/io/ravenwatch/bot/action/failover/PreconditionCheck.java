package io.ravenwatch.bot.action.failover;

import io.ravenwatch.bot.action.failover.step.Pg;
import io.ravenwatch.bot.action.failover.step.Resp;
import io.ravenwatch.bot.chat.LastResults;
import io.ravenwatch.probes.api.ProbeResult;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a plan's preconditions for one standby: its last probe results, and its replication lag
 * (Redis: {@code INFO replication}; PostgreSQL: the lag query).
 */
public final class PreconditionCheck {

  /**
   * One precondition's state.
   *
   * @param what what must hold, e.g. "redis-b healthy for the last 3 probes"
   * @param met whether it holds
   * @param detail what was seen
   */
  public record State(String what, boolean met, String detail) {}

  private final LastResults lastResults;
  private final Duration timeout;

  public PreconditionCheck(LastResults lastResults, Duration timeout) {
    this.lastResults = lastResults;
    this.timeout = timeout;
  }

  /** The state of each precondition of {@code plan} for failing over to {@code standby}. */
  public List<State> evaluate(ServicePlan plan, String standby) {
    Preconditions pre = plan.preconditions();
    NodeConfig node = plan.nodes().get(standby);
    var states = new ArrayList<State>();
    if (pre.healthyProbes() > 0) {
      states.add(healthy(standby, node, pre.healthyProbes()));
    }
    if (pre.maxReplicationLag() != null) {
      states.add(lag(standby, node, pre));
    }
    return states;
  }

  /** Whether all hold. */
  public static boolean allMet(List<State> states) {
    return states.stream().allMatch(State::met);
  }

  private State healthy(String name, NodeConfig node, int n) {
    String what = name + " healthy for the last " + n + " probe results";
    List<ProbeResult> recent = lastResults.recent(node.target(), n);
    long ok = recent.stream().filter(ProbeResult::ok).count();
    if (recent.size() < n) {
      return new State(
          what, false, "only " + recent.size() + " results of " + node.target() + " so far");
    }
    if (ok < n) {
      ProbeResult bad = recent.stream().filter(r -> !r.ok()).findFirst().orElseThrow();
      return new State(
          what,
          false,
          (n - ok) + " of " + n + " failed, e.g. " + bad.probe() + ": " + bad.reason());
    }
    return new State(what, true, n + " of " + n + " OK");
  }

  private State lag(String name, NodeConfig node, Preconditions pre) {
    Duration max = pre.maxReplicationLag();
    String what = name + " replication lag at most " + max.toSeconds() + "s";
    if (node.redis() != null) {
      try (Resp redis = Resp.connect(node.host(), node.redis(), timeout)) {
        Map<String, String> info = redis.info("replication");
        if (!"slave".equals(info.get("role"))) {
          return new State(what, false, name + " is not a replica (role " + info.get("role") + ")");
        }
        if (!"up".equals(info.get("master_link_status"))) {
          return new State(what, false, "link to the primary is " + info.get("master_link_status"));
        }
        long seconds = Long.parseLong(info.getOrDefault("master_last_io_seconds_ago", "-1"));
        return seconds >= 0 && seconds <= max.toSeconds()
            ? new State(what, true, "link up, last I/O " + seconds + "s ago")
            : new State(what, false, "last I/O from the primary " + seconds + "s ago");
      } catch (IOException | NumberFormatException e) {
        return new State(what, false, "Redis on " + name + ": " + e.getMessage());
      }
    }
    if (node.postgres() != null) {
      try (Connection db = Pg.connect(node.host(), node.postgres(), timeout);
          var st = db.createStatement();
          var rs = st.executeQuery(pre.lagQuery())) {
        rs.next();
        double seconds = rs.getDouble(1);
        return seconds <= max.toMillis() / 1000.0
            ? new State(what, true, String.format(java.util.Locale.ROOT, "lag %.1fs", seconds))
            : new State(what, false, String.format(java.util.Locale.ROOT, "lag %.1fs", seconds));
      } catch (SQLException e) {
        return new State(what, false, "PostgreSQL on " + name + ": " + Pg.reason(e));
      }
    }
    return new State(what, false, name + " has neither a redis nor a postgres endpoint to ask");
  }
}
