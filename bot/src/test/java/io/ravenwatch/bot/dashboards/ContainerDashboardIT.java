package io.ravenwatch.bot.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.ravenwatch.bot.Ravenwatch;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.bot.dashboards.Dashboards.Dashboard;
import io.ravenwatch.bot.dashboards.Dashboards.Kind;
import io.ravenwatch.bot.dashboards.Dashboards.Query;
import io.ravenwatch.testkit.DockerServer;
import io.ravenwatch.testkit.InfluxServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Services dashboard's "Containers and orchestration" row — each panel query and the
 * dashboard's variables — run against a real InfluxDB that real container probe runs filled through
 * a running Ravenwatch: the {@code docker} and {@code docker_swarm} probes against a real dockerd
 * that is a single-node Swarm (a container with a passing health check, a service of 2 replicas),
 * the {@code kubernetes} probe against fabric8's mock API server in CRUD mode holding a deployment
 * with a status (no cluster runs here). Every column of every panel must have a value: the probes
 * write each field these panels select. {@link DashboardQueriesIT} runs every other query.
 */
class ContainerDashboardIT {
  /** The row of the Services dashboard this class runs (and {@link DashboardQueriesIT} skips). */
  static final String ROW = "Containers and orchestration";

  private static final String DB = "containers";
  private static final String DASHBOARD = "ravenwatch-services";
  private static final Map<String, List<String>> VALUES =
      DashboardQueryRunner.vars(List.of("eu-west"), List.of("apps"), List.of("node1"));

  @TempDir static Path dir;

  private static InfluxServer influx;
  private static DockerServer docker;
  private static KubernetesMockServer kubernetes;

  @BeforeAll
  static void startServers() {
    influx = InfluxServer.launch();
    influx.createDatabase(DB);
    docker = DockerServer.launch(true);
    docker.cli(
        "run",
        "-d",
        "--name",
        "web",
        "--health-cmd",
        "true",
        "--health-interval",
        "1s",
        DockerServer.IMAGE,
        "sleep",
        "600");
    docker.cli(
        "service",
        "create",
        "-d",
        "--name",
        "api",
        "--replicas",
        "2",
        DockerServer.IMAGE,
        "sleep",
        "600");
    kubernetes =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    kubernetes.init(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient client = kubernetes.createClient()) {
      client.apps().deployments().inNamespace("web").resource(frontend()).create();
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(docker.cli("inspect", "-f", "{{.State.Health.Status}}", "web"))
                  .isEqualTo("healthy");
              assertThat(docker.cli("service", "ls", "--format", "{{.Replicas}}")).isEqualTo("2/2");
            });
  }

  /** 3 replicas desired, 2 available: the mock runs no controller, so the status is written. */
  private static io.fabric8.kubernetes.api.model.apps.Deployment frontend() {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("frontend")
        .withNamespace("web")
        .endMetadata()
        .withNewSpec()
        .withReplicas(3)
        .endSpec()
        .withNewStatus()
        .withReplicas(3)
        .withAvailableReplicas(2)
        .withUnavailableReplicas(1)
        .endStatus()
        .build();
  }

  @AfterAll
  static void stopServers() {
    if (kubernetes != null) {
      kubernetes.destroy();
    }
    for (AutoCloseable c : new AutoCloseable[] {docker, influx}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // best effort
      }
    }
  }

  @Test
  void containerRowQueriesReturnDataFromRealContainerProbeRuns() throws Exception {
    Dashboard services =
        Dashboards.all().stream().filter(d -> d.uid().equals(DASHBOARD)).findFirst().orElseThrow();
    Predicate<Query> containerRow =
        q -> q.kind() == Kind.VARIABLE || (q.kind() == Kind.PANEL && q.row().equals(ROW));
    assertThat(services.queries())
        .filteredOn(q -> q.kind() == Kind.PANEL && q.row().equals(ROW))
        .as("the panels of the %s row", ROW)
        .extracting(Query::owner)
        .containsExactlyInAnyOrder(
            "Containers",
            "Container health",
            "Swarm service replicas (running / desired)",
            "Kubernetes deployment replicas (available / unavailable)");
    var runner = DashboardQueryRunner.everyColumn(influx, DB);

    try (var app =
        Ravenwatch.start(Setup.load(writeConfig(), Map.of()), Clock.systemUTC(), List.of())) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> assertThat(runner.failures(services, VALUES, containerRow)).isEmpty());
    }
  }

  private static Path writeConfig() throws IOException {
    Path file = dir.resolve("ravenwatch.yml");
    Files.writeString(
        file,
        """
        data_dir: data
        influxdb: {url: "%s", database: %s, flush_interval: 200ms}
        defaults: {interval: 1s, timeout: 5s, retries: 0}
        container_engines:
          docker:
            local: {host: "%s"}
          kubernetes:
            mock: {master_url: "%s", namespace: web}
        hosts:
          node1:
            address: 127.0.0.1
            region: eu-west
            group: apps
            probes:
              - {type: docker, engine: local}
              - {type: docker_swarm, engine: local}
              - {type: kubernetes, cluster: mock}
        alerts: {enabled: false}
        """
            .formatted(influx.url(), DB, docker.host(), kubernetesUrl()));
    return file;
  }

  private static String kubernetesUrl() {
    try (KubernetesClient client = kubernetes.createClient()) {
      return client.getConfiguration().getMasterUrl();
    }
  }
}
