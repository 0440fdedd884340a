package io.ravenwatch.bot.action.failover;

import io.ravenwatch.probes.config.OptionalKey;
import java.util.List;
import java.util.Map;

/**
 * The plain keys of one failover service as written ({@code steps} and {@code post_checks} are
 * bound by step type separately).
 *
 * @param target the inventory host or service the failover is about (its incident threads get the
 *     outcome); the service's name when absent
 * @param primary the node active at first
 * @param standbys the other nodes, in the order a failover picks them
 * @param nodes every node by name
 * @param preconditions what must hold before it runs
 */
record ServiceFile(
    @OptionalKey String target,
    String primary,
    List<String> standbys,
    Map<String, NodeConfig> nodes,
    @OptionalKey Preconditions preconditions) {}
