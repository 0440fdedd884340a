package io.ravenwatch.bot.action.failover.step;

import io.ravenwatch.bot.action.failover.NodeConfig;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import java.io.IOException;

/**
 * {@code redis_role}: a check that the node's Redis has the expected role ({@code ROLE}).
 *
 * <pre>{@code
 * post_checks:
 *   - {type: redis_role}                                   # "{{standby}}" is master
 *   - {type: redis_role, node: "{{primary}}", expect: replica}
 * }</pre>
 */
public final class RedisRoleCheck implements Step {
  public static final StepType<Settings> TYPE =
      new StepType<>("redis_role", Settings.class, StepType.Endpoint.REDIS, RedisRoleCheck::new);

  /** The roles Redis reports. */
  public enum Role {
    MASTER,
    REPLICA
  }

  /**
   * @param node the node ({@code {{standby}}} when absent)
   * @param expect the role it should have
   */
  public record Settings(@OptionalKey String node, @Default("master") Role expect)
      implements NodeStep {
    public Settings {
      node = node == null ? NodeRefs.STANDBY : node;
    }
  }

  private final Settings settings;

  RedisRoleCheck(Settings settings) {
    this.settings = settings;
  }

  private String expected() {
    return settings.expect() == Role.MASTER ? "master" : "slave";
  }

  @Override
  public String describe(StepContext c) {
    return "Redis: "
        + c.nodeName(settings.node())
        + " is "
        + (settings.expect() == Role.MASTER ? "master" : "a replica");
  }

  @Override
  public StepResult run(StepContext c) {
    String name = c.nodeName(settings.node());
    NodeConfig node = c.node(settings.node());
    try (Resp redis = Resp.connect(node.host(), node.redis(), c.timeout())) {
      String role = redis.role();
      return role.equals(expected())
          ? StepResult.ok(name + " role " + role)
          : StepResult.failed(name + " role is " + role + ", expected " + expected(), role);
    } catch (IOException e) {
      return StepResult.failed("Redis on " + name + ": " + e.getMessage());
    }
  }
}
