package io.ravenwatch.bot.command.restart;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.ravenwatch.probes.container.ContainerStates;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code docker restart}: healthy again when running and, if the container has a health check,
 * {@code healthy} (Docker resets it to {@code starting} on every start).
 */
final class ContainerRestarter implements Restarter {
  /** Seconds Docker waits for the container to stop before killing it. */
  /** How long the container gets to stop before Docker kills it. */
  static final int STOP_TIMEOUT_SECONDS = 10;

  private static final DateTimeFormatter HMS =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final DockerClient docker;
  private final String container;

  ContainerRestarter(DockerClient docker, String container) {
    this.docker = docker;
    this.container = container;
  }

  @Override
  public Observation observe() {
    InspectContainerResponse inspect = docker.inspectContainerCmd(container).exec();
    var state = inspect.getState();
    boolean running = Boolean.TRUE.equals(state.getRunning());
    String health =
        state.getHealth() == null || state.getHealth().getStatus() == null
            ? null
            : state.getHealth().getStatus();
    var summary = new StringBuilder(String.valueOf(state.getStatus()));
    if (health != null) {
      summary.append(", ").append(health);
    }
    Instant started = ContainerStates.time(state.getStartedAt());
    if (started != null) {
      summary.append(", started ").append(HMS.format(started)).append(" UTC");
    }
    Integer restarts = inspect.getRestartCount();
    summary.append(", ").append(restarts == null ? 0 : restarts).append(" restarts");
    if (!running && state.getExitCodeLong() != null) {
      summary.append(", exit code ").append(state.getExitCodeLong());
    }
    boolean healthy = running && (health == null || health.equals("healthy"));
    return new Observation(healthy, summary.toString());
  }

  @Override
  public void restart() {
    docker.restartContainerCmd(container).withTimeout(STOP_TIMEOUT_SECONDS).exec();
  }

  @Override
  public void close() {
    try {
      docker.close();
    } catch (IOException e) {
      // Nothing is left to do with this client; the next run opens its own.
    }
  }
}
