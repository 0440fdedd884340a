package io.ravenwatch.bot.command.restart;

import static io.ravenwatch.bot.command.restart.RestartBed.ALICE;
import static io.ravenwatch.bot.command.restart.RestartBed.BOB;
import static io.ravenwatch.bot.command.restart.RestartBed.VIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.command.RecordingReply;
import io.ravenwatch.testkit.DockerServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code /restart} of Docker containers and a Swarm service on a real dockerd (a Swarm manager).
 */
class RestartCommandIT {
  private static DockerServer docker;
  private static RestartBed bed;

  @BeforeAll
  static void start() {
    docker = DockerServer.launch(true);
    String image = DockerServer.IMAGE;
    // sleep as PID 1 ignores SIGTERM: without the trap every restart waits out the stop timeout.
    String sleeper = "trap 'exit 0' TERM; sleep 600 & wait";
    docker.cli(
        "run",
        "-d",
        "--name",
        "web",
        "--health-cmd",
        "true",
        "--health-interval",
        "1s",
        image,
        "sh",
        "-c",
        sleeper);
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
        "sh",
        "-c",
        sleeper);
    docker.cli(
        "service",
        "create",
        "-d",
        "--name",
        "api",
        "--replicas",
        "2",
        "--update-parallelism",
        "2",
        image,
        "sh",
        "-c",
        sleeper);
    bed =
        new RestartBed(
            """
            container_engines:
              docker:
                local: {host: "%s"}
                gone: {host: "unix:///nonexistent/docker.sock", timeout: 1s}
            services:
              api-service: {address: 127.0.0.1}
            restart:
              poll_interval: 200ms
              targets:
                web: {engine: local, container: web, timeout: 60s}
                sick: {engine: local, container: sick, timeout: 3s}
                api: {engine: local, service: api, timeout: 90s, target: api-service}
                lost: {engine: gone, container: web}
            """
                .formatted(docker.host()),
            Map.of());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(docker.cli("inspect", "-f", "{{.State.Health.Status}}", "web"))
                  .isEqualTo("healthy");
              assertThat(docker.cli("service", "ls", "--format", "{{.Replicas}}")).isEqualTo("2/2");
            });
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
    if (docker != null) {
      docker.close();
    }
  }

  private static String startedAt(String container) {
    return docker.cli("inspect", "-f", "{{.State.StartedAt}}", container);
  }

  private static Set<String> runningTasks(String service) {
    return Set.copyOf(
        docker
            .cli("service", "ps", "-q", "--filter", "desired-state=running", service)
            .lines()
            .toList());
  }

  @Test
  @DisplayName(
      "/restart web: plan with the state, another user's confirm refused, the owner's runs it;"
          + " the reply follows the restart to a report with timings, audited and in the thread")
  void restartsContainerAfterSameUserConfirms() {
    String startedBefore = startedAt("web");

    ChatMessage plan = bed.restart(ALICE, "web").sent.getLast();

    assertThat(plan.content())
        .startsWith(
            "Will restart container web on local, then wait up to 1m for it to be healthy.\n"
                + "Now: running, healthy, started ")
        .endsWith("Only alice can confirm this, within 60 seconds.");
    assertThat(bed.audited.getLast().outcome()).isEqualTo(Outcome.PLANNED);

    RecordingReply bobs = bed.press(BOB, plan, "Confirm");
    assertThat(bobs.only().content()).isEqualTo("Only alice can confirm this.");
    assertThat(startedAt("web")).isEqualTo(startedBefore);

    RecordingReply run = bed.press(ALICE, plan, "Confirm");

    assertThat(startedAt("web")).isNotEqualTo(startedBefore);
    List<String> shown = RestartBed.contents(run);
    assertThat(shown.getFirst()).startsWith("🔄 Restarting container web on local… (was: running");
    assertThat(shown)
        .anySatisfy(s -> assertThat(s).startsWith("⏳ Restarted container web on local in "));
    assertThat(shown.getLast())
        .matches(
            "✅ /restart web by alice: container web on local restarted in \\d+\\.\\d s,"
                + " healthy after \\d+\\.\\d s\\. Now: running, healthy, started .*");
    AuditEntry done = bed.audited.getLast();
    assertThat(done.outcome()).isEqualTo(Outcome.OK);
    assertThat(done.callerName()).isEqualTo("alice");
    assertThat(done.detail()).isEqualTo("confirmed");
    assertThat(done.parameters()).containsExactly(Map.entry("target", "web"));
    assertThat(done.before()).startsWith("running, healthy, started ");
    assertThat(done.after()).startsWith("running, healthy, started ");
    assertThat(bed.incidents)
        .anySatisfy(
            p -> {
              assertThat(p.target()).isEqualTo("web");
              assertThat(p.text()).isEqualTo(shown.getLast());
            });
  }

  @Test
  @DisplayName("/restart api rolls the Swarm service: every task replaced, 2/2 running at the end")
  void rollsSwarmService() {
    Set<String> before = runningTasks("api");
    assertThat(before).hasSize(2);

    ChatMessage plan = bed.restart(ALICE, "api").sent.getLast();
    assertThat(plan.content())
        .startsWith("Will restart swarm service api on local")
        .contains("Now: 2/2 tasks running");
    RecordingReply run = bed.press(ALICE, plan, "Confirm");

    assertThat(RestartBed.contents(run).getLast())
        .matches(
            "✅ /restart api by alice: swarm service api on local restarted in \\d+\\.\\d s,"
                + " healthy after \\d+\\.\\d s\\. Now: 2/2 tasks running, 2 replaced, update"
                + " completed");
    Set<String> after = runningTasks("api");
    assertThat(after).hasSize(2).doesNotContainAnyElementsOf(before);
    assertThat(bed.audited.getLast().before()).isEqualTo("2/2 tasks running");
    assertThat(bed.incidents).anySatisfy(p -> assertThat(p.target()).isEqualTo("api-service"));
  }

  @Test
  @DisplayName("a container still unhealthy at its timeout: the report says so with the last state")
  void reportsTimeoutWithLastState() {
    ChatMessage plan = bed.restart(ALICE, "sick").sent.getLast();
    RecordingReply run = bed.press(ALICE, plan, "Confirm");

    List<String> shown = RestartBed.contents(run);
    assertThat(shown)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith("⚠️ /restart sick by alice: container sick on local restarted in ")
                    .contains(" but not healthy after 3s. Last seen: running, "));
    assertThat(run.sent.getLast().content())
        .isEqualTo("sick was restarted but is not healthy after 3s.");
    assertThat(run.sent.getLast().ephemeral()).isTrue();
    AuditEntry entry = bed.audited.getLast();
    assertThat(entry.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(entry.after()).startsWith("running, ");
    assertThat(bed.incidents)
        .anySatisfy(p -> assertThat(p.text()).contains("not healthy after 3s"));
  }

  @Test
  @DisplayName("a user without the restart role is refused before any plan, and audited")
  void refusesWithoutRestartRole() {
    String startedBefore = startedAt("web");

    RecordingReply reply = bed.restart(VIC, "web");

    assertThat(reply.only().content()).isEqualTo("You need the `restart` permission for /restart.");
    assertThat(reply.only().ephemeral()).isTrue();
    assertThat(bed.audited.getLast().outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(bed.audited.getLast().callerName()).isEqualTo("vic");
    assertThat(startedAt("web")).isEqualTo(startedBefore);
  }

  @Test
  @DisplayName("an unknown target gets a short ephemeral reply listing the declared names")
  void unknownTargetListsDeclaredNames() {
    RecordingReply reply = bed.restart(ALICE, "web; rm -rf /");

    assertThat(reply.only().content())
        .isEqualTo("Unknown restart target `web; rm -rf /`. Declared: web, sick, api, lost.");
    assertThat(reply.only().ephemeral()).isTrue();
    assertThat(bed.audited.getLast().outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  @DisplayName("an unreachable engine: no plan, a short reason, nothing to confirm")
  void unreachableEngineGetsNoPlan() {
    RecordingReply reply = bed.restart(ALICE, "lost");

    assertThat(reply.only().ephemeral()).isTrue();
    assertThat(reply.only().content())
        .startsWith("Cannot read the state of lost: engine gone: ")
        .doesNotContain("Exception");
    assertThat(reply.only().buttons()).isEmpty();
    assertThat(bed.audited.getLast().outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  @DisplayName("autocomplete offers the declared names")
  void autocompletesDeclaredNames() {
    assertThat(bed.dispatcher.autocomplete(ALICE, "restart", "target", ""))
        .containsExactly("web", "sick", "api", "lost");
    assertThat(bed.dispatcher.autocomplete(ALICE, "restart", "target", "ap"))
        .containsExactly("api");
  }
}
