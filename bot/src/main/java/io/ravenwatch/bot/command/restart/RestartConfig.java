package io.ravenwatch.bot.command.restart;

import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.ConfigSection;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import io.ravenwatch.probes.container.ContainerEngines;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code restart:} section: everything {@code /restart} may restart, by the name users pick
 * from. A chat user only ever chooses one of these names; the engine, container, service or
 * deployment come from here.
 *
 * <pre>{@code
 * restart:
 *   poll_interval: 1s
 *   targets:
 *     web: {engine: local, container: web, timeout: 1m}
 *     api: {engine: swarm1, service: api}
 *     frontend: {engine: prod, deployment: frontend, namespace: web, target: shop}
 * }</pre>
 *
 * @param pollInterval how often the state is read while waiting for the target to be healthy
 * @param targets the restartable things by name
 */
public record RestartConfig(
    @Default("1s") Duration pollInterval, @OptionalKey Map<String, Restartable> targets)
    implements Validatable {

  /** The section. */
  public static final ConfigSection<RestartConfig> SECTION =
      new ConfigSection<>("restart", RestartConfig.class)
          .withReferences(RestartConfig::checkReferences);

  public RestartConfig {
    targets =
        targets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(targets));
  }

  @Override
  public void validate(ConfigProblems problems) {
    if (pollInterval != null && pollInterval.toMillis() < 100) {
      problems.report("poll_interval", "at least 100ms", pollInterval);
    }
  }

  /**
   * The problems of references to other sections: engines declared under {@code container_engines},
   * of the right kind, and incident targets of the inventory.
   */
  static void checkReferences(
      RestartConfig restart, ConfigSection.Names names, ConfigErrors errors) {
    ContainerEngines engines = names.section(ContainerEngines.SECTION).orElse(null);
    if (engines == null) {
      return; // container_engines has errors of its own
    }
    restart.targets.forEach(
        (name, r) -> {
          if (r == null || r.kind() == null) {
            return;
          }
          String path = "restart.targets." + name + ".";
          engines.checkDeclared(
              r.engine(),
              r.kind() == Restartable.Kind.DEPLOYMENT
                  ? ContainerEngines.Kind.KUBERNETES
                  : ContainerEngines.Kind.DOCKER,
              path + "engine",
              errors);
          if (r.target() != null && !names.targets().contains(r.target())) {
            errors.add(path + "target", "a host or service of the inventory", r.target());
          }
        });
  }
}
