package io.ravenwatch.probes.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.OptionalKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The services of a Docker Swarm (asked of a manager) as Telegraf's {@code docker_swarm}: one point
 * per service with tags {@code service_id}, {@code service_name}, {@code service_mode} ({@code
 * replicated} or {@code global}) and fields {@code tasks_desired} and {@code tasks_running}. A
 * replicated service desires its replica count; a global one, one task per node it runs on (its
 * tasks not being shut down), as Telegraf counts.
 *
 * <pre>{@code
 * probes:
 *   - type: docker_swarm
 *     engine: swarm-manager         # a name under container_engines.docker
 *     services: [api]               # absent: every service
 * }</pre>
 */
public final class DockerSwarmProbe implements Probe {

  /**
   * Settings of a {@code docker_swarm} probe.
   *
   * @param engine a Swarm manager's name under {@code container_engines.docker}
   * @param services the service names to report; absent or empty: all
   */
  public record Settings(String engine, @OptionalKey List<String> services) {
    public Settings {
      services = services == null ? List.of() : List.copyOf(services);
    }
  }

  /** The type, finding engines among those {@code engines} supplies when a probe is created. */
  public static ProbeType<Settings> type(Supplier<ContainerEngines> engines) {
    return new ProbeType<>(
        "docker_swarm",
        Settings.class,
        Set.of(),
        (target, settings) ->
            new DockerSwarmProbe(
                target, settings, engines.get().dockerEngine(settings.engine()).orElse(null)));
  }

  private final Settings settings;
  private final DockerEngine engine;

  /**
   * @param engine the engine, or null when none of that name is declared (every run then fails)
   */
  public DockerSwarmProbe(Target target, Settings settings, DockerEngine engine) {
    this.settings = settings;
    this.engine = engine;
  }

  /**
   * Desired and running tasks of one service.
   *
   * @param desired what the service asks for
   * @param running tasks in state running
   */
  public record TaskCounts(long desired, long running) {}

  /** The task counts of a service, from all tasks of the swarm. */
  public static TaskCounts counts(Service service, List<Task> tasks) {
    long running = 0;
    long notShutdown = 0;
    for (Task t : tasks) {
      if (!service.getId().equals(t.getServiceId())) {
        continue;
      }
      if (t.getStatus() != null && t.getStatus().getState() == TaskState.RUNNING) {
        running++;
      }
      if (t.getDesiredState() != null && t.getDesiredState() != TaskState.SHUTDOWN) {
        notShutdown++;
      }
    }
    ServiceModeConfig mode = service.getSpec().getMode();
    long desired =
        mode != null && mode.getReplicated() != null
            ? mode.getReplicated().getReplicas()
            : notShutdown;
    return new TaskCounts(desired, running);
  }

  @Override
  public ProbeResult run(ProbeContext context) throws InterruptedException {
    return DockerReads.run(
        context,
        settings.engine(),
        engine,
        "swarm manager",
        (docker, started) -> read(context, docker, started));
  }

  private ProbeResult read(ProbeContext context, DockerClient docker, Instant started) {
    List<Service> services = docker.listServicesCmd().exec();
    List<Task> tasks = docker.listTasksCmd().exec();
    Instant now = context.clock().instant();
    var points = new ArrayList<Point>();
    var missing = new LinkedHashSet<>(settings.services());
    for (Service s : services) {
      String name = s.getSpec().getName();
      if (!settings.services().isEmpty() && !settings.services().contains(name)) {
        continue;
      }
      missing.remove(name);
      TaskCounts counts = counts(s, tasks);
      ServiceModeConfig mode = s.getSpec().getMode();
      points.add(
          context
              .point("docker_swarm", now)
              .tag("service_id", s.getId())
              .tag("service_name", name)
              .tag(
                  "service_mode",
                  mode != null && mode.getGlobal() != null ? "global" : "replicated")
              .field("tasks_desired", counts.desired())
              .field("tasks_running", counts.running())
              .build());
    }
    if (!missing.isEmpty()) {
      return context.failed(
          started,
          "no service " + String.join(", ", missing) + " in the swarm of " + settings.engine(),
          points);
    }
    return context.ok(started, points);
  }
}
