package io.ravenwatch.bot.command.restart;

import static io.ravenwatch.bot.command.restart.RestartBed.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.command.RecordingReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code /restart} of a Kubernetes deployment against fabric8's mock API server in CRUD mode (no
 * cluster runs here). The mock stores what is written but runs no controller: the test plays the
 * deployment controller by writing the rolled-out status itself.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class RestartKubernetesTest {
  private static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
  private static final String TOKEN = "k8s-token-never-shown";

  static KubernetesClient client;
  private RestartBed bed;

  // Not the common pool: the JDK HTTP client completes its requests there, and with 2 cores its
  // one thread would be busy waiting for those very requests.
  private final ExecutorService controllerThread = Executors.newVirtualThreadPerTaskExecutor();

  @BeforeEach
  void setUp() {
    client.apps().deployments().inNamespace("web").delete();
    client
        .apps()
        .deployments()
        .inNamespace("web")
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("frontend")
                .withNamespace("web")
                .endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .withNewTemplate()
                .withNewMetadata()
                .endMetadata()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    rollOut(generation()); // the state before: fully rolled out
    bed =
        new RestartBed(
            """
            container_engines:
              kubernetes:
                prod: {master_url: "%s", token: "${K8S_TOKEN}", namespace: default}
            restart:
              poll_interval: 100ms
              targets:
                frontend: {engine: prod, deployment: frontend, namespace: web, timeout: 3s}
            """
                .formatted(client.getConfiguration().getMasterUrl()),
            Map.of("K8S_TOKEN", TOKEN));
  }

  @AfterEach
  void tearDown() {
    controllerThread.shutdownNow();
    bed.close();
  }

  private Deployment get() {
    return client.apps().deployments().inNamespace("web").withName("frontend").get();
  }

  private long generation() {
    Long g = get().getMetadata().getGeneration();
    return g == null ? 0 : g;
  }

  private static String restartedAt(Deployment d) {
    var annotations = d.getSpec().getTemplate().getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(RESTARTED_AT);
  }

  /** What the deployment controller writes once every replica runs the current template. */
  private void rollOut(long observedGeneration) {
    client
        .apps()
        .deployments()
        .inNamespace("web")
        .withName("frontend")
        .editStatus(
            d ->
                new DeploymentBuilder(d)
                    .withStatus(
                        new DeploymentStatusBuilder()
                            .withObservedGeneration(observedGeneration)
                            .withReplicas(3)
                            .withUpdatedReplicas(3)
                            .withAvailableReplicas(3)
                            .withReadyReplicas(3)
                            .build())
                    .build());
  }

  /** What the controller writes right after the template changed: one new pod, three old ones. */
  private void rolling(long observedGeneration) {
    client
        .apps()
        .deployments()
        .inNamespace("web")
        .withName("frontend")
        .editStatus(
            d ->
                new DeploymentBuilder(d)
                    .withStatus(
                        new DeploymentStatusBuilder()
                            .withObservedGeneration(observedGeneration)
                            .withReplicas(4)
                            .withUpdatedReplicas(1)
                            .withAvailableReplicas(3)
                            .build())
                    .build());
  }

  @Test
  @DisplayName("/restart frontend sets restartedAt and reports healthy once the rollout completes")
  void restartsDeploymentAndWaitsForRollout() throws Exception {
    ChatMessage plan = bed.restart(ALICE, "frontend").sent.getLast();
    assertThat(plan.content())
        .startsWith(
            "Will restart deployment frontend on prod, then wait up to 3s for it to be healthy.\n"
                + "Now: 3/3 available, 3 updated");
    long before = generation();

    // The controller: sees the new template, rolls, then reports every replica updated.
    CompletableFuture<Void> controller =
        CompletableFuture.runAsync(
            () -> {
              await()
                  .atMost(Duration.ofSeconds(5))
                  .pollInterval(Duration.ofMillis(50))
                  .until(() -> restartedAt(get()) != null);
              long g = Math.max(generation(), before + 1);
              rolling(g);
              try {
                Thread.sleep(300); // a rollout takes a while; what it reports meanwhile is tested
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              rollOut(g);
            },
            controllerThread);
    RecordingReply run = bed.press(ALICE, plan, "Confirm");
    controller.get(5, TimeUnit.SECONDS);

    assertThat(restartedAt(get())).isNotBlank();
    List<String> shown = RestartBed.contents(run);
    assertThat(shown.getLast())
        .matches(
            "✅ /restart frontend by alice: deployment frontend on prod restarted in \\d+\\.\\d s,"
                + " healthy after \\d+\\.\\d s\\. Now: 3/3 available, 3 updated");
    AuditEntry done = bed.audited.getLast();
    assertThat(done.outcome()).isEqualTo(Outcome.OK);
    assertThat(done.before()).isEqualTo("3/3 available, 3 updated");
    assertThat(bed.incidents).anySatisfy(p -> assertThat(p.target()).isEqualTo("frontend"));
    assertThat(String.join("\n", shown) + bed.audited + bed.incidents).doesNotContain(TOKEN);
  }

  @Test
  @DisplayName("a rollout that never completes: the timeout report shows the last state seen")
  void reportsTimeoutWhenRolloutStalls() {
    ChatMessage plan = bed.restart(ALICE, "frontend").sent.getLast();
    long before = generation();
    CompletableFuture<Void> controller =
        CompletableFuture.runAsync(
            () -> {
              await()
                  .atMost(Duration.ofSeconds(5))
                  .pollInterval(Duration.ofMillis(50))
                  .until(() -> restartedAt(get()) != null);
              rolling(Math.max(generation(), before + 1)); // and never finishes
            },
            controllerThread);

    RecordingReply run = bed.press(ALICE, plan, "Confirm");

    controller.join();
    assertThat(RestartBed.contents(run))
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith(
                        "⚠️ /restart frontend by alice: deployment frontend on prod restarted in ")
                    .endsWith(
                        " but not healthy after 3s. Last seen: 3/3 available, 1 updated,"
                            + " 1 old still running"));
    assertThat(bed.audited.getLast().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(bed.audited.getLast().after())
        .isEqualTo("3/3 available, 1 updated, 1 old still running");
  }
}
