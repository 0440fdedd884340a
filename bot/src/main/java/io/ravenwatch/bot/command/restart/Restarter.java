package io.ravenwatch.bot.command.restart;

import io.ravenwatch.probes.container.ContainerClients;
import io.ravenwatch.probes.container.ContainerEngines;
import java.time.Duration;

/**
 * Restarts one declared thing on its engine and tells whether it is healthy again. One instance per
 * {@code /restart} run: it may remember what it saw before the restart (the Swarm tasks that must
 * be replaced). Engine failures are thrown as runtime exceptions by the client libraries; the
 * command reports them.
 */
interface Restarter extends AutoCloseable {

  /**
   * What the engine reports now.
   *
   * @param healthy whether the thing is up and healthy (and, after a restart, the restart is done)
   * @param summary e.g. {@code running, healthy, started 10:02:03, 0 restarts}
   */
  record Observation(boolean healthy, String summary) {}

  /** Reads the current state. */
  Observation observe();

  /** Starts the restart; returns when the engine has accepted (or, for a container, done) it. */
  void restart();

  @Override
  void close();

  /** The restarter for a declared thing, its engine found among {@code engines}. */
  static Restarter open(Restartable r, ContainerEngines engines) {
    return switch (r.kind()) {
      case CONTAINER ->
          new ContainerRestarter(
              // Docker answers a restart once the container is up again: the stop grace included.
              ContainerClients.docker(
                  engines
                      .dockerEngine(r.engine())
                      .orElseThrow()
                      .withExtraTimeout(
                          Duration.ofSeconds(ContainerRestarter.STOP_TIMEOUT_SECONDS))),
              r.container());
      case SWARM_SERVICE ->
          new SwarmRestarter(
              ContainerClients.docker(engines.dockerEngine(r.engine()).orElseThrow()), r.service());
      case DEPLOYMENT -> {
        var cluster = engines.kubernetesCluster(r.engine()).orElseThrow();
        yield new DeploymentRestarter(
            ContainerClients.kubernetes(cluster),
            r.namespace() == null ? cluster.namespace() : r.namespace(),
            r.deployment());
      }
    };
  }
}
