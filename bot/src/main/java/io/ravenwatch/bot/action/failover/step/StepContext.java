package io.ravenwatch.bot.action.failover.step;

import io.ravenwatch.bot.action.failover.NodeConfig;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.container.ContainerEngines;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a step works with: the service, the nodes by name, which one is the primary being left and
 * which the standby being promoted (both chosen among the configured nodes, never typed by a user),
 * the step's time limit, a way to run a target's probes, and the declared container engines.
 *
 * @param service the failover service's name
 * @param nodes every node of the service, by name
 * @param primary the name of the node active before the failover
 * @param standby the name of the node being made active
 * @param timeout the step's time limit (also for its sockets; a container engine's calls use the
 *     engine's own timeout)
 * @param probes runs an inventory target's probes once
 * @param engines the engines declared under {@code container_engines} (nodes name them)
 * @param clock the application's clock
 */
public record StepContext(
    String service,
    Map<String, NodeConfig> nodes,
    String primary,
    String standby,
    Duration timeout,
    ProbeRunner probes,
    ContainerEngines engines,
    Clock clock) {

  /** Runs a target's probes now (the scheduler's {@code runOnce}). */
  @FunctionalInterface
  public interface ProbeRunner {
    /**
     * @return the results, or empty when there is no such target
     */
    List<ProbeResult> runOnce(String target) throws InterruptedException;
  }

  public StepContext {
    Objects.requireNonNull(service);
    nodes = Map.copyOf(nodes);
    Objects.requireNonNull(primary);
    Objects.requireNonNull(standby);
    Objects.requireNonNull(timeout);
    Objects.requireNonNull(probes);
    Objects.requireNonNull(engines);
    Objects.requireNonNull(clock);
  }

  /** The same context with another time limit. */
  public StepContext withTimeout(Duration limit) {
    return new StepContext(service, nodes, primary, standby, limit, probes, engines, clock);
  }

  /** The node name a reference means: {@code {{primary}}}, {@code {{standby}}} or a name. */
  public String nodeName(String reference) {
    return switch (reference) {
      case NodeRefs.PRIMARY -> primary;
      case NodeRefs.STANDBY -> standby;
      default -> reference;
    };
  }

  /** The node a reference means. */
  public NodeConfig node(String reference) {
    NodeConfig n = nodes.get(nodeName(reference));
    if (n == null) {
      throw new IllegalStateException("unknown node " + reference + " (checked at load time)");
    }
    return n;
  }

  /**
   * Fills {@code {{primary}}}, {@code {{standby.host}}}, {@code {{service}}} etc. in a template.
   */
  public String render(String template) {
    return Templates.render(template, this);
  }
}
