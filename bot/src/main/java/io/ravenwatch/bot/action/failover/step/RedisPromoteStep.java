package io.ravenwatch.bot.action.failover.step;

import io.ravenwatch.bot.action.failover.NodeConfig;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import java.io.IOException;

/**
 * {@code redis_promote}: {@code REPLICAOF NO ONE} on the node (the standby by default), checked
 * with {@code ROLE}; then the old primary is re-pointed to it ({@code REPLICAOF host port}) when it
 * answers. An old primary that does not answer (it is down: the usual reason to fail over) is
 * reported, not a failure; one that answers and refuses is.
 *
 * <pre>{@code
 * - {type: redis_promote}                      # node: "{{standby}}", repoint_old_primary: true
 * }</pre>
 */
public final class RedisPromoteStep implements Step {
  public static final StepType<Settings> TYPE =
      new StepType<>(
          "redis_promote", Settings.class, StepType.Endpoint.REDIS, RedisPromoteStep::new);

  /**
   * @param node the node to promote ({@code {{standby}}} when absent)
   * @param repointOldPrimary whether to make the old primary a replica of the promoted node
   */
  public record Settings(@OptionalKey String node, @Default("true") boolean repointOldPrimary)
      implements NodeStep {
    public Settings {
      node = node == null ? NodeRefs.STANDBY : node;
    }
  }

  private final Settings settings;

  RedisPromoteStep(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String describe(StepContext c) {
    String target = c.nodeName(settings.node());
    return "Redis: promote "
        + target
        + " (REPLICAOF NO ONE)"
        + (settings.repointOldPrimary() && !target.equals(c.primary())
            ? ", re-point " + c.primary() + " to it"
            : "");
  }

  @Override
  public StepResult run(StepContext c) {
    String name = c.nodeName(settings.node());
    NodeConfig node = c.node(settings.node());
    String was;
    try (Resp redis = Resp.connect(node.host(), node.redis(), c.timeout())) {
      was = redis.role();
      redis.call("REPLICAOF", "NO", "ONE");
      String now = redis.role();
      if (!"master".equals(now)) {
        return StepResult.failed(name + " is still " + now + " after REPLICAOF NO ONE");
      }
    } catch (IOException e) {
      return StepResult.failed("Redis on " + name + ": " + e.getMessage());
    }
    String observed = name + " role master (was " + was + ")";
    if (!settings.repointOldPrimary() || name.equals(c.primary())) {
      return StepResult.ok(observed);
    }
    NodeConfig old = c.node(NodeRefs.PRIMARY);
    Resp oldRedis;
    try {
      oldRedis = Resp.connect(old.host(), old.redis(), c.timeout());
    } catch (Resp.Error e) {
      return StepResult.failed("Redis on " + c.primary() + ": " + e.getMessage(), observed);
    } catch (IOException unreachable) {
      return StepResult.ok(
          observed
              + "; "
              + c.primary()
              + " unreachable, not re-pointed: re-point it when it is back");
    }
    try (oldRedis) {
      oldRedis.call("REPLICAOF", node.host(), Integer.toString(node.redis().port()));
      return StepResult.ok(
          observed + "; " + c.primary() + " role " + oldRedis.role() + " of " + name);
    } catch (IOException e) {
      return StepResult.failed(
          "re-pointing " + c.primary() + " failed: " + e.getMessage(), observed);
    }
  }
}
