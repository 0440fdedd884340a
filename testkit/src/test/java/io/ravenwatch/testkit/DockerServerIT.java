package io.ravenwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DockerServerIT {

  @Test
  void runsContainersAndSwarmServicesFromTheImportedImageAndCleansUp() {
    Path dir;
    try (var docker = DockerServer.launch(true)) {
      dir = docker.socket().getParent();
      assertThat(docker.host()).startsWith("unix:///");

      docker.cli("run", "-d", "--name", "web", DockerServer.IMAGE, "sleep", "600");
      assertThat(docker.cli("inspect", "-f", "{{.State.Running}}", "web")).isEqualTo("true");

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
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(docker.cli("service", "ls", "--format", "{{.Replicas}}"))
                      .isEqualTo("2/2"));
    }
    assertThat(Files.exists(dir)).as("temp dir deleted").isFalse();
    assertThat(
            ProcessHandle.allProcesses()
                .filter(
                    p ->
                        p.info()
                            .arguments()
                            .map(a -> String.join(" ", a).contains(dir.toString()))
                            .orElse(false))
                .filter(ProcessHandle::isAlive)
                .count())
        .as("no process of that daemon left")
        .isZero();
  }
}
