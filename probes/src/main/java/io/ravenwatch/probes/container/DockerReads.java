package io.ravenwatch.probes.container;

import com.github.dockerjava.api.DockerClient;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResult;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * How the Docker probes talk to an engine: a client per run, the probe's retries, and an
 * unreachable or refusing engine turned into a FAILED result naming it — never an exception.
 */
final class DockerReads {
  private DockerReads() {}

  /** What a probe reads once it has a client. */
  @FunctionalInterface
  interface Read {
    ProbeResult read(DockerClient docker, Instant started);
  }

  /**
   * @param name the engine's name under {@code container_engines.docker}
   * @param engine the engine, or null when none of that name is declared
   * @param role how the failure names it, e.g. {@code docker engine}, {@code swarm manager}
   */
  static ProbeResult run(
      ProbeContext context, String name, DockerEngine engine, String role, Read read)
      throws InterruptedException {
    Instant started = context.clock().instant();
    if (engine == null) {
      return context.failed(started, "no docker engine named " + name + " is declared", List.of());
    }
    String failure = "";
    for (int attempt = 0; attempt <= context.retries(); attempt++) {
      try (DockerClient docker = ContainerClients.docker(engine)) {
        return read.read(docker, started);
      } catch (RuntimeException | IOException e) {
        failure = EngineFailures.describe(role + " " + name + " (" + engine.host() + ")", e);
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
    return context.failed(started, failure, List.of());
  }
}
