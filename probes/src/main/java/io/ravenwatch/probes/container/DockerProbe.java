package io.ravenwatch.probes.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.OptionalKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The containers of one Docker engine as Telegraf's {@code inputs.docker} reports them: one {@code
 * docker_container_status} point per container (tags {@code container_name}, {@code
 * container_image}, {@code container_version}, {@code container_status}, {@code engine_host};
 * fields {@code exitcode}, {@code oomkilled}, {@code started_at}, {@code finished_at}, {@code
 * uptime_ns}, {@code restart_count}) and, for containers with a health check, one {@code
 * docker_container_health} point ({@code health_status}, {@code failing_streak}). Stopped
 * containers are reported too: an exited container is data for an alert, not a probe failure. An
 * unreachable engine, or a container named in the settings that does not exist, fails the run.
 *
 * <pre>{@code
 * probes:
 *   - type: docker
 *     engine: local                 # a name under container_engines.docker
 *     containers: [web, worker]     # absent: every container of the engine
 * }</pre>
 */
public final class DockerProbe implements Probe {

  /**
   * Settings of a {@code docker} probe.
   *
   * @param engine the Docker engine's name under {@code container_engines.docker}
   * @param containers the container names to report; absent or empty: all
   */
  public record Settings(String engine, @OptionalKey List<String> containers) {
    public Settings {
      containers = containers == null ? List.of() : List.copyOf(containers);
    }
  }

  /** The type, finding engines among those {@code engines} supplies when a probe is created. */
  public static ProbeType<Settings> type(Supplier<ContainerEngines> engines) {
    return new ProbeType<>(
        "docker",
        Settings.class,
        Set.of(),
        (target, settings) ->
            new DockerProbe(
                target, settings, engines.get().dockerEngine(settings.engine()).orElse(null)));
  }

  private final Settings settings;
  private final DockerEngine engine;

  /**
   * @param engine the engine, or null when none of that name is declared (every run then fails)
   */
  public DockerProbe(Target target, Settings settings, DockerEngine engine) {
    this.settings = settings;
    this.engine = engine;
  }

  @Override
  public ProbeResult run(ProbeContext context) throws InterruptedException {
    return DockerReads.run(
        context,
        settings.engine(),
        engine,
        "docker engine",
        (docker, started) -> read(context, docker, started));
  }

  private ProbeResult read(ProbeContext context, DockerClient docker, Instant started) {
    String engineHost = docker.infoCmd().exec().getName();
    Instant now = context.clock().instant();
    var points = new ArrayList<Point>();
    var missing = new LinkedHashSet<>(settings.containers());
    for (Container c : docker.listContainersCmd().withShowAll(true).exec()) {
      String name = name(c);
      if (!settings.containers().isEmpty() && !settings.containers().contains(name)) {
        continue;
      }
      InspectContainerResponse inspect;
      try {
        inspect = docker.inspectContainerCmd(c.getId()).exec();
      } catch (NotFoundException e) {
        continue; // removed between the list and the inspect
      }
      missing.remove(name);
      points.addAll(points(context, inspect, name, engineHost, now));
    }
    if (!missing.isEmpty()) {
      return context.failed(
          started,
          "no container " + String.join(", ", missing) + " on docker engine " + settings.engine(),
          points);
    }
    return context.ok(started, points);
  }

  static String name(Container c) {
    return c.getNames() == null || c.getNames().length == 0
        ? c.getId().substring(0, 12)
        : Arrays.stream(c.getNames()).findFirst().orElseThrow().replaceFirst("^/", "");
  }

  private static List<Point> points(
      ProbeContext context,
      InspectContainerResponse inspect,
      String name,
      String engineHost,
      Instant now) {
    ContainerState state = inspect.getState();
    String image = inspect.getConfig() == null ? "" : inspect.getConfig().getImage();
    String[] imageAndVersion = ContainerStates.splitImage(image);
    Point.Builder status =
        context
            .point("docker_container_status", now)
            .tag("container_name", name)
            .tag("container_image", imageAndVersion[0])
            .tag("container_version", imageAndVersion[1])
            .tag("container_status", state.getStatus())
            .tag("engine_host", engineHost)
            .field("exitcode", state.getExitCodeLong())
            .field("oomkilled", state.getOOMKilled())
            .field("restart_count", inspect.getRestartCount());
    Instant startedAt = ContainerStates.time(state.getStartedAt());
    Instant finishedAt = ContainerStates.time(state.getFinishedAt());
    if (startedAt != null) {
      status.field("started_at", ContainerStates.nanos(startedAt));
      if (Boolean.TRUE.equals(state.getRunning())) {
        status.field("uptime_ns", Duration.between(startedAt, now).toNanos());
      }
    }
    if (finishedAt != null) {
      status.field("finished_at", ContainerStates.nanos(finishedAt));
    }
    var points = new ArrayList<Point>(2);
    points.add(status.build());
    var health = state.getHealth();
    if (health != null && health.getStatus() != null) {
      points.add(
          context
              .point("docker_container_health", now)
              .tag("container_name", name)
              .tag("container_image", imageAndVersion[0])
              .tag("container_version", imageAndVersion[1])
              .tag("container_status", state.getStatus())
              .tag("engine_host", engineHost)
              .field("health_status", health.getStatus())
              .field("failing_streak", health.getFailingStreak())
              .build());
    }
    return points;
  }
}
