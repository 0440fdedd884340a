package io.ravenwatch.probes.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.ravenwatch.probes.ProbeContexts;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kubernetes probe against fabric8's mock API server in CRUD mode (no real cluster runs here).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesProbeTest {
  static KubernetesClient client;

  private final Target target = ProbeContexts.host("k8s", "");

  @BeforeEach
  void createDeployments() {
    client.apps().deployments().inNamespace("web").delete();
    client.apps().deployments().inNamespace("web").resource(deployment("frontend", 3, 2)).create();
    client.apps().deployments().inNamespace("web").resource(deployment("worker", 1, 1)).create();
  }

  static Deployment deployment(String name, int desired, int available) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("web")
        .endMetadata()
        .withNewSpec()
        .withReplicas(desired)
        .endSpec()
        .withNewStatus()
        .withReplicas(desired)
        .withAvailableReplicas(available)
        .withUnavailableReplicas(desired - available)
        .endStatus()
        .build();
  }

  private KubernetesCluster cluster() {
    return new KubernetesCluster(
        client.getConfiguration().getMasterUrl(), null, "web", null, Duration.ofSeconds(5));
  }

  private ProbeResult run(KubernetesProbe.Settings settings, KubernetesCluster cluster)
      throws Exception {
    return new KubernetesProbe(target, settings, cluster)
        .run(ProbeContexts.context(target, "kubernetes", settings, Duration.ofSeconds(5), 0));
  }

  @Test
  @DisplayName("reads each deployment's desired, available and unavailable replicas")
  void readsDeploymentReplicas() throws Exception {
    ProbeResult r = run(new KubernetesProbe.Settings("prod", null, null), cluster());

    assertThat(r.ok()).as(r.reason()).isTrue();
    assertThat(r.points())
        .extracting(p -> p.tag("deployment_name"))
        .containsOnly("frontend", "worker");
    Point frontend =
        r.points().stream()
            .filter(p -> "frontend".equals(p.tag("deployment_name")))
            .findFirst()
            .orElseThrow();
    assertThat(frontend.measurement()).isEqualTo("kubernetes_deployment");
    assertThat(frontend.tag("namespace")).isEqualTo("web");
    assertThat(frontend.field("replicas_desired")).isEqualTo(3L);
    assertThat(frontend.field("replicas_available")).isEqualTo(2L);
    assertThat(frontend.field("replicas_unavailable")).isEqualTo(1L);
  }

  @Test
  @DisplayName("a deployment named in the settings that does not exist fails the run")
  void failsForMissingDeployment() throws Exception {
    ProbeResult r =
        run(new KubernetesProbe.Settings("prod", "web", List.of("worker", "ghost")), cluster());

    assertThat(r.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(r.reason()).isEqualTo("no deployment ghost in namespace web");
    assertThat(r.points()).hasSize(1);
  }

  @Test
  @DisplayName("an unreachable API server is a FAILED result with a reason")
  void unreachableClusterFails() throws Exception {
    var down =
        new KubernetesCluster("http://127.0.0.1:1", null, "web", null, Duration.ofSeconds(2));

    ProbeResult r = run(new KubernetesProbe.Settings("prod", null, null), down);

    assertThat(r.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(r.reason()).startsWith("kubernetes cluster prod (http://127.0.0.1:1): ");
  }
}
