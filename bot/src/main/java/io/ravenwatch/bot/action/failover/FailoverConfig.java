package io.ravenwatch.bot.action.failover;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code failover:} section: a plan per service. Bound by {@link FailoverSection}.
 *
 * @param services the plans by service name, in file order
 */
public record FailoverConfig(Map<String, ServicePlan> services) {
  public FailoverConfig {
    services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
  }

  public Optional<ServicePlan> service(String name) {
    return Optional.ofNullable(services.get(name));
  }
}
