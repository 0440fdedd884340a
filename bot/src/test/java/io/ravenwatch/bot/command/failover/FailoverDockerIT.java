package io.ravenwatch.bot.command.failover;

import static io.ravenwatch.bot.command.failover.FailoverBed.ALICE;
import static io.ravenwatch.bot.command.failover.FailoverBed.button;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.command.RecordingReply;
import io.ravenwatch.testkit.DockerServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker step against a real dockerd, declared once under {@code container_engines} and named
 * by the nodes: the old primary's container stops, the standby's starts.
 */
class FailoverDockerIT {
  private static DockerServer docker;

  @TempDir Path dataDir;

  @BeforeAll
  static void start() {
    docker = DockerServer.launch(false);
    docker.cli("run", "-d", "--name", "app-a", DockerServer.IMAGE, "sleep", "600");
    docker.cli("create", "--name", "app-b", DockerServer.IMAGE, "sleep", "600");
  }

  @AfterAll
  static void stop() {
    if (docker != null) {
      docker.close();
    }
  }

  private static String running(String container) {
    return docker.cli("inspect", "-f", "{{.State.Running}}", container).strip();
  }

  @Test
  @DisplayName("docker steps stop the old primary's container and start the standby's")
  void stopsAndStartsContainers() {
    String yaml =
        """
        services:
          app: {address: 127.0.0.1}
        container_engines:
          docker:
            local: {host: "%1$s"}
        failover:
          services:
            app:
              primary: a
              standbys: [b]
              preconditions: {healthy_probes: 0}
              nodes:
                a: {host: 127.0.0.1, docker: {engine: local}}
                b: {host: 127.0.0.1, docker: {engine: local}}
              steps:
                - {type: docker, container: "app-{{primary}}", action: stop, stop_timeout: 1s}
                - {type: docker, node: "{{standby}}", container: "app-{{standby}}", action: start}
                - {type: docker, node: "{{standby}}", container: app-x, action: start}
        """
            .formatted(docker.host());
    try (var bed = new FailoverBed(yaml, dataDir, Map.of())) {
      ChatMessage plan = bed.slash(ALICE, Map.of("service", "app")).only();
      assertThat(plan.embeds().getFirst().description())
          .contains("1. Docker: stop container app-a on a")
          .contains("2. Docker: start container app-b on b");

      RecordingReply run = bed.press(ALICE, button(plan, "Confirm"));

      ChatMessage.Embed last = run.edits.getLast().embeds().getFirst();
      assertThat(last.description())
          .contains("✅ 1. Docker: stop container app-a on a")
          .contains("app-a on a not running")
          .contains("✅ 2. Docker: start container app-b on b")
          .contains("app-b on b running")
          .contains("❌ 3. Docker: start container app-x on b")
          .contains("404");
      assertThat(running("app-a")).isEqualTo("false");
      assertThat(running("app-b")).isEqualTo("true");
    }
  }
}
