package io.ravenwatch.probes.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.probes.ProbeContexts;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.testkit.DockerServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The docker and docker_swarm probes against a real dockerd that is a single-node Swarm. */
class DockerProbesIT {
  private static DockerServer docker;
  private static DockerEngine engine;
  private final Target target = ProbeContexts.host("docker-host", "");

  @BeforeAll
  static void startDocker() {
    docker = DockerServer.launch(true);
    engine = new DockerEngine(docker.host(), null, Duration.ofSeconds(10));
    String image = DockerServer.IMAGE;
    docker.cli(
        "run",
        "-d",
        "--name",
        "healthy",
        "--health-cmd",
        "true",
        "--health-interval",
        "1s",
        image,
        "sleep",
        "600");
    docker.cli(
        "run",
        "-d",
        "--name",
        "sick",
        "--health-cmd",
        "false",
        "--health-interval",
        "1s",
        "--health-retries",
        "1",
        image,
        "sleep",
        "600");
    docker.cli("run", "-d", "--name", "exited", image, "sh", "-c", "exit 3");
    docker.cli(
        "service", "create", "-d", "--name", "api", "--replicas", "2", image, "sleep", "600");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(health("healthy")).isEqualTo("healthy");
              assertThat(health("sick")).isEqualTo("unhealthy");
              assertThat(docker.cli("inspect", "-f", "{{.State.Status}}", "exited"))
                  .isEqualTo("exited");
              assertThat(docker.cli("service", "ls", "--format", "{{.Replicas}}")).isEqualTo("2/2");
            });
  }

  private static String health(String container) {
    return docker.cli("inspect", "-f", "{{.State.Health.Status}}", container);
  }

  @AfterAll
  static void stopDocker() {
    if (docker != null) {
      docker.close();
    }
  }

  private ProbeResult runDocker(List<String> containers, DockerEngine on) throws Exception {
    var settings = new DockerProbe.Settings("local", containers);
    var probe = new DockerProbe(target, settings, on);
    return probe.run(ProbeContexts.context(target, "docker", settings, Duration.ofSeconds(5), 0));
  }

  private static Point status(ProbeResult r, String container) {
    return r.points().stream()
        .filter(p -> p.measurement().equals("docker_container_status"))
        .filter(p -> container.equals(p.tag("container_name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no status point of " + container + ": " + r));
  }

  private static Optional<Point> health(ProbeResult r, String container) {
    return r.points().stream()
        .filter(p -> p.measurement().equals("docker_container_health"))
        .filter(p -> container.equals(p.tag("container_name")))
        .findFirst();
  }

  @Test
  @DisplayName("a running container with a passing health check: status running, health healthy")
  void reportsHealthyRunningContainer() throws Exception {
    ProbeResult r = runDocker(List.of(), engine);

    assertThat(r.ok()).as(r.reason()).isTrue();
    Point status = status(r, "healthy");
    assertThat(status.tags())
        .containsEntry("container_status", "running")
        .containsEntry("container_image", "ravenwatch-busybox")
        .containsEntry("container_version", "test")
        .containsEntry("source", "docker-host")
        .containsKey("engine_host");
    assertThat(status.field("exitcode")).isEqualTo(0L);
    assertThat(status.field("oomkilled")).isEqualTo(false);
    assertThat(status.field("restart_count")).isEqualTo(0L);
    assertThat((Long) status.field("uptime_ns")).isPositive();
    assertThat((Long) status.field("started_at")).isPositive();
    Point health = health(r, "healthy").orElseThrow();
    assertThat(health.field("health_status")).isEqualTo("healthy");
    assertThat(health.field("failing_streak")).isEqualTo(0L);
  }

  @Test
  @DisplayName("an exited container is data: status exited with its exit code, no uptime")
  void reportsExitedContainerWithExitCode() throws Exception {
    ProbeResult r = runDocker(List.of("exited"), engine);

    assertThat(r.ok()).as(r.reason()).isTrue();
    assertThat(r.points()).hasSize(1);
    Point status = status(r, "exited");
    assertThat(status.tag("container_status")).isEqualTo("exited");
    assertThat(status.field("exitcode")).isEqualTo(3L);
    assertThat(status.field("uptime_ns")).isNull();
    assertThat((Long) status.field("finished_at")).isPositive();
    assertThat(health(r, "exited")).isEmpty();
  }

  @Test
  @DisplayName("a container whose health check fails: health unhealthy with its failing streak")
  void reportsUnhealthyContainer() throws Exception {
    ProbeResult r = runDocker(List.of("sick"), engine);

    Point health = health(r, "sick").orElseThrow();
    assertThat(health.field("health_status")).isEqualTo("unhealthy");
    assertThat((Long) health.field("failing_streak")).isGreaterThanOrEqualTo(1L);
    assertThat(status(r, "sick").tag("container_status")).isEqualTo("running");
  }

  @Test
  @DisplayName("a container named in the settings that does not exist fails the run, naming it")
  void failsForMissingContainer() throws Exception {
    ProbeResult r = runDocker(List.of("healthy", "ghost"), engine);

    assertThat(r.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(r.reason()).isEqualTo("no container ghost on docker engine local");
    assertThat(r.points()).extracting(p -> p.tag("container_name")).contains("healthy");
  }

  @Test
  @DisplayName("an engine that is down is a FAILED result with a reason, not an exception")
  void engineDownIsFailedWithReason() throws Exception {
    var down =
        new DockerEngine(
            "unix://" + docker.socket().resolveSibling("nothing.sock"),
            null,
            Duration.ofSeconds(2));

    ProbeResult r = runDocker(List.of(), down);

    assertThat(r.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(r.reason()).startsWith("docker engine local (unix://").contains("nothing.sock): ");
    assertThat(r.points()).isEmpty();
  }

  @Test
  @DisplayName("a swarm service with 2 of 2 tasks running: tasks_desired 2, tasks_running 2")
  void reportsSwarmServiceTasks() throws Exception {
    var settings = new DockerSwarmProbe.Settings("local", List.of());
    var probe = new DockerSwarmProbe(target, settings, engine);

    ProbeResult r =
        probe.run(
            ProbeContexts.context(target, "docker_swarm", settings, Duration.ofSeconds(5), 0));

    assertThat(r.ok()).as(r.reason()).isTrue();
    Point api = r.points().getFirst();
    assertThat(api.measurement()).isEqualTo("docker_swarm");
    assertThat(api.tags())
        .containsEntry("service_name", "api")
        .containsEntry("service_mode", "replicated")
        .containsKey("service_id");
    assertThat(api.field("tasks_desired")).isEqualTo(2L);
    assertThat(api.field("tasks_running")).isEqualTo(2L);
  }

  @Test
  @DisplayName("a swarm service named in the settings that does not exist fails the run")
  void failsForMissingService() throws Exception {
    var settings = new DockerSwarmProbe.Settings("local", List.of("ghost"));
    var probe = new DockerSwarmProbe(target, settings, engine);

    ProbeResult r =
        probe.run(
            ProbeContexts.context(target, "docker_swarm", settings, Duration.ofSeconds(5), 0));

    assertThat(r.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(r.reason()).isEqualTo("no service ghost in the swarm of local");
  }
}
