package io.ravenwatch.bot.command.restart;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceUpdateState;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import io.ravenwatch.probes.container.DockerSwarmProbe;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Swarm service's rolling restart, as {@code docker service update --force}: the task template's
 * {@code ForceUpdate} counter is raised, so the orchestrator replaces every task by the service's
 * update policy. Healthy again when the update is {@code completed}, as many tasks run as the
 * service desires, and none of them is a task that ran before the restart.
 */
final class SwarmRestarter implements Restarter {
  private final DockerClient docker;
  private final String service;
  private final Set<String> before = new HashSet<>();
  private boolean restarted;

  SwarmRestarter(DockerClient docker, String service) {
    this.docker = docker;
    this.service = service;
  }

  private Service inspect() {
    return docker.inspectServiceCmd(service).exec();
  }

  private List<Task> tasks(Service s) {
    return docker.listTasksCmd().withServiceFilter(s.getId()).exec();
  }

  @Override
  public Observation observe() {
    Service s = inspect();
    List<Task> tasks = tasks(s);
    var counts = DockerSwarmProbe.counts(s, tasks);
    long replaced =
        tasks.stream()
            .filter(t -> t.getStatus() != null && t.getStatus().getState() == TaskState.RUNNING)
            .filter(t -> !before.contains(t.getId()))
            .count();
    ServiceUpdateState update = s.getUpdateStatus() == null ? null : s.getUpdateStatus().getState();
    var summary = new StringBuilder();
    summary.append(counts.running()).append('/').append(counts.desired()).append(" tasks running");
    if (restarted) {
      summary.append(", ").append(replaced).append(" replaced");
    }
    if (update != null) {
      summary.append(", update ").append(update.name().toLowerCase(java.util.Locale.ROOT));
    }
    boolean settled =
        restarted ? update == ServiceUpdateState.COMPLETED : update != ServiceUpdateState.UPDATING;
    boolean allNew = !restarted || replaced == counts.running();
    boolean healthy = settled && allNew && counts.running() == counts.desired();
    return new Observation(healthy, summary.toString());
  }

  @Override
  public void restart() {
    Service s = inspect();
    tasks(s).stream()
        .filter(t -> t.getDesiredState() == TaskState.RUNNING)
        .forEach(t -> before.add(t.getId()));
    TaskSpec template = s.getSpec().getTaskTemplate();
    int force = template.getForceUpdate() == null ? 0 : template.getForceUpdate();
    template.withForceUpdate(force + 1);
    docker.updateServiceCmd(s.getId(), s.getSpec()).withVersion(s.getVersion().getIndex()).exec();
    restarted = true;
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
