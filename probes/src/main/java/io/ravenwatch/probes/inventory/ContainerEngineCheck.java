package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.container.ContainerEngines;
import io.ravenwatch.probes.container.DockerProbe;
import io.ravenwatch.probes.container.DockerSwarmProbe;
import io.ravenwatch.probes.container.KubernetesProbe;
import java.util.List;
import java.util.Set;

/**
 * Checks that every container probe names a declared engine, so a typo is a configuration error at
 * start with its key path, not a failed probe at every poll.
 */
final class ContainerEngineCheck {
  private ContainerEngineCheck() {}

  static void checkReferences(List<Target> targets, ContainerEngines engines, ConfigErrors errors) {
    for (Target target : targets) {
      String section = target.kind() == Target.Kind.HOST ? "hosts." : "services.";
      List<ProbeSpec> probes = target.probes();
      for (int i = 0; i < probes.size(); i++) {
        String path = section + target.name() + ".probes[" + i + "].";
        switch (probes.get(i).settings()) {
          case DockerProbe.Settings s ->
              check(s.engine(), engines.docker().keySet(), "docker", path + "engine", errors);
          case DockerSwarmProbe.Settings s ->
              check(s.engine(), engines.docker().keySet(), "docker", path + "engine", errors);
          case KubernetesProbe.Settings s ->
              check(
                  s.cluster(),
                  engines.kubernetes().keySet(),
                  "kubernetes",
                  path + "cluster",
                  errors);
          default -> {}
        }
      }
    }
  }

  private static void check(
      String name, Set<String> declared, String kind, String path, ConfigErrors errors) {
    if (name != null && !declared.contains(name)) {
      errors.add(
          path,
          declared.isEmpty()
              ? "the name of an engine under container_engines." + kind + " (none is declared)"
              : "one of the engines under container_engines."
                  + kind
                  + ": "
                  + String.join(", ", declared),
          name);
    }
  }
}
