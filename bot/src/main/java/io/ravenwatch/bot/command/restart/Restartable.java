package io.ravenwatch.bot.command.restart;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.Found;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * One thing {@code /restart} may restart: exactly one of a Docker container, a Swarm service (both
 * on a {@code container_engines.docker} engine) or a Kubernetes deployment (on a {@code
 * container_engines.kubernetes} cluster).
 *
 * @param engine the engine's name under {@code container_engines}
 * @param container a container name: restarted with {@code docker restart}
 * @param service a Swarm service name: rolled with a forced update ({@code docker service update
 *     --force})
 * @param deployment a deployment name: {@code kubectl rollout restart}
 * @param namespace the deployment's namespace; absent: the cluster's
 * @param timeout how long to wait for it to be healthy again after the restart
 * @param target the inventory host or service whose incident threads get the outcome; absent: the
 *     restartable's own name
 */
public record Restartable(
    String engine,
    @OptionalKey String container,
    @OptionalKey String service,
    @OptionalKey String deployment,
    @OptionalKey String namespace,
    @Default("2m") Duration timeout,
    @OptionalKey String target)
    implements Validatable {

  /** What kind of thing is restarted. */
  public enum Kind {
    CONTAINER("container"),
    SWARM_SERVICE("swarm service"),
    DEPLOYMENT("deployment");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** How users read it: {@code container}, {@code swarm service}, {@code deployment}. */
    public String label() {
      return label;
    }
  }

  /** The kind, or null when not exactly one of container, service, deployment is set. */
  public Kind kind() {
    long set = Stream.of(container, service, deployment).filter(s -> s != null).count();
    if (set != 1) {
      return null;
    }
    return container != null
        ? Kind.CONTAINER
        : service != null ? Kind.SWARM_SERVICE : Kind.DEPLOYMENT;
  }

  /** The container, service or deployment name. */
  public String object() {
    return container != null ? container : service != null ? service : deployment;
  }

  @Override
  public void validate(ConfigProblems problems) {
    if (kind() == null) {
      long set = Stream.of(container, service, deployment).filter(s -> s != null).count();
      problems.report(
          "",
          "exactly one of container, service or deployment",
          Found.described(set == 0 ? "none of them" : set + " of them"));
    }
    if (namespace != null && deployment == null) {
      problems.report("namespace", "a namespace only with deployment", namespace);
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      problems.report("timeout", "a duration above 0s", timeout);
    }
  }
}
