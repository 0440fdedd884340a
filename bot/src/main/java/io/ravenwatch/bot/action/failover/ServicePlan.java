package io.ravenwatch.bot.action.failover;

import io.ravenwatch.bot.action.failover.step.StepSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The failover plan of one service, as configured: its nodes, which is the primary at first, the
 * standbys in the order they are picked, the preconditions, the ordered steps and the post-checks.
 *
 * @param name the service's name in {@code /failover}
 * @param target the inventory target whose incidents hear about it
 * @param primary the node active until a failover says otherwise
 * @param standbys the other nodes, in order
 * @param nodes every node by name (file order)
 * @param preconditions what must hold first
 * @param steps what a failover does, in order
 * @param postChecks what must hold after
 */
public record ServicePlan(
    String name,
    String target,
    String primary,
    List<String> standbys,
    Map<String, NodeConfig> nodes,
    Preconditions preconditions,
    List<StepSpec> steps,
    List<StepSpec> postChecks) {

  public ServicePlan {
    Objects.requireNonNull(name);
    Objects.requireNonNull(target);
    Objects.requireNonNull(primary);
    standbys = List.copyOf(standbys);
    nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
    Objects.requireNonNull(preconditions);
    steps = List.copyOf(steps);
    postChecks = List.copyOf(postChecks);
  }

  /** The primary first, then the standbys: the order failovers pick from. */
  public List<String> order() {
    var all = new ArrayList<String>();
    all.add(primary);
    all.addAll(standbys);
    return all;
  }

  /** The nodes a failover away from {@code active} may choose, in order. */
  public List<String> candidates(String active) {
    return order().stream().filter(n -> !n.equals(active)).toList();
  }
}
