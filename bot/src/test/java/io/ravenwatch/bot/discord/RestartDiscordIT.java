package io.ravenwatch.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.testkit.DockerServer;
import io.ravenwatch.testkit.discord.FakeMessage;
import io.ravenwatch.testkit.discord.SlashResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /restart} as a Discord user runs it: the real JDA logged in to the fake, a real dockerd:
 * the plan with a Confirm button, the click, the reply edited until the container is healthy again.
 */
class RestartDiscordIT {
  private static DockerServer docker;
  private static DiscordBed bed;

  @BeforeAll
  static void start() throws InterruptedException {
    docker = DockerServer.launch(false);
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
        "sh",
        "-c",
        "trap 'exit 0' TERM; sleep 600 & wait");
    bed =
        new DiscordBed(
            """
            container_engines:
              docker: {local: {host: "%s"}}
            restart:
              poll_interval: 200ms
              targets:
                web: {engine: local, container: web, timeout: 60s}
            """
                .formatted(docker.host()),
            fx -> CommandRegistry.standard(fx.context));
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

  @Test
  void aConfirmedRestartEditsTheReplyUntilTheContainerIsHealthyAgain() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> docker.cli("inspect", "-f", "{{.State.Health.Status}}", "web"),
            "healthy"::equals);
    String startedBefore = docker.cli("inspect", "-f", "{{.State.StartedAt}}", "web");

    SlashResult plan = bed.fake.slash(DiscordBed.ALICE, "restart", Map.of("target", "web"));
    FakeMessage planMessage = plan.original().orElseThrow();
    assertThat(text(planMessage)).contains("web").contains("running");
    String confirm =
        planMessage.buttons().stream()
            .filter(b -> b.label().equals("Confirm"))
            .findFirst()
            .orElseThrow()
            .customId();

    SlashResult bobTries = bed.fake.click(DiscordBed.BOB, planMessage.id(), confirm);
    assertThat(bobTries.answered()).isTrue();
    assertThat(docker.cli("inspect", "-f", "{{.State.StartedAt}}", "web")).isEqualTo(startedBefore);

    SlashResult run = bed.fake.click(DiscordBed.ALICE, planMessage.id(), confirm);
    assertThat(run.answered()).as("answered within Discord's 3 s").isTrue();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> run.original().map(RestartDiscordIT::text).orElse(""),
            t -> t.contains("healthy after"));

    assertThat(docker.cli("inspect", "-f", "{{.State.StartedAt}}", "web"))
        .isNotEqualTo(startedBefore);
    assertThat(bed.audit)
        .filteredOn(e -> e.action().equals("/restart") && e.outcome() == AuditEntry.Outcome.OK)
        .singleElement()
        .satisfies(e -> assertThat(e.before()).isNotNull().isNotEqualTo(e.after()));
  }

  private static String text(FakeMessage m) {
    var all = new StringBuilder(m.content());
    m.embeds()
        .forEach(e -> all.append('\n').append(e.title()).append('\n').append(e.description()));
    m.embeds().forEach(e -> e.fields().forEach(f -> all.append('\n').append(f.value())));
    return all.toString();
  }
}
