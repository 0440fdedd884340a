package io.ravenwatch.alerts.rule;

import io.ravenwatch.probes.config.OptionalKey;
import java.util.List;
import java.util.Map;

/**
 * Which targets a rule applies to, as written in a rules file. Every key is optional and an empty
 * key matches everything; keys given must all match. Names may use {@code *} as a wildcard.
 *
 * @param hosts target names (the {@code source} tag) of hosts
 * @param services target names of services; hosts and services are both matched by name
 * @param groups the target's {@code group}
 * @param regions the target's {@code region}
 * @param tags inventory tags that must all have these values
 */
public record ScopeConfig(
    @OptionalKey List<String> hosts,
    @OptionalKey List<String> services,
    @OptionalKey List<String> groups,
    @OptionalKey List<String> regions,
    @OptionalKey Map<String, String> tags) {

  /** A scope that matches every target. */
  public static final ScopeConfig EVERYTHING =
      new ScopeConfig(List.of(), List.of(), List.of(), List.of(), Map.of());
}
