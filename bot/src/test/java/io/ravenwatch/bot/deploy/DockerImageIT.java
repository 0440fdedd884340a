package io.ravenwatch.bot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.testkit.DockerServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image of {@code docker/Dockerfile}, built and started by a real Docker Engine
 * (Debian's dockerd, BuildKit). No registry is reachable here, so the two images the Dockerfile
 * pulls are replaced through its build arguments: {@code RUNTIME_IMAGE} by a JRE base made from
 * this machine's JDK, {@code JARS} by an image holding the jars Maven just built (BuildKit then
 * skips the Maven build stage). Everything else — the user, the config, the healthcheck, the
 * entrypoint — is the Dockerfile's own.
 */
class DockerImageIT {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final String CONTAINER = "ravenwatch-it";

  @TempDir Path work;

  @Test
  @DisplayName(
      "the image builds, starts as uid 10001 without InfluxDB or Discord, turns healthy through its"
          + " own HEALTHCHECK (degraded: spooling) and stops cleanly")
  void buildsStartsHealthyAsNonRootAndStops() throws IOException {
    try (var docker = DockerServer.launch(false)) {
      LocalImages.importJreBase(docker, work, "ravenwatch-jre:it");
      LocalImages.importJars(docker, work, Path.of("target"), "ravenwatch-jars:it");
      build(
          docker,
          "-f",
          REPOSITORY.resolve("docker/Dockerfile").toString(),
          "--target",
          "runtime",
          "--build-arg",
          "RUNTIME_IMAGE=ravenwatch-jre:it",
          "--build-arg",
          "JARS=ravenwatch-jars:it",
          "-t",
          "ravenwatch:it",
          REPOSITORY.toString());

      assertThat(docker.cli("inspect", "-f", "{{.Config.User}}", "ravenwatch:it"))
          .isEqualTo("10001:10001");
      assertThat(docker.cli("inspect", "-f", "{{json .Config.Healthcheck.Test}}", "ravenwatch:it"))
          .contains("healthcheck");

      // The shipped docker/ravenwatch.yml, with no InfluxDB to reach (the name does not resolve
      // outside compose) and no Discord token; the healthcheck runs every 2 s instead of 30 s.
      docker.cli(
          "run",
          "-d",
          "--name",
          CONTAINER,
          "-e",
          "INFLUX_USER=it",
          "-e",
          "INFLUX_PASSWORD=it",
          "--health-interval",
          "2s",
          "ravenwatch:it");
      try {
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  if (docker
                      .cli("inspect", "-f", "{{.State.Status}}", CONTAINER)
                      .equals("exited")) {
                    throw new AssertionError("the container exited:\n" + logs(docker));
                  }
                  return health(docker, "{{.State.Health.Status}}").equals("healthy");
                });
      } catch (ConditionTimeoutException e) {
        throw new AssertionError(
            "not healthy within 2 minutes; checks: "
                + health(docker, "{{json .State.Health.Log}}")
                + "\nlogs:\n"
                + logs(docker),
            e);
      }

      assertThat(health(docker, "{{json .State.Health.Log}}"))
          .contains("\\\"status\\\":\\\"degraded\\\"")
          .contains("\\\"name\\\":\\\"influxdb\\\",\\\"status\\\":\\\"degraded\\\"")
          .contains("spooling to disk");

      String pid = docker.cli("inspect", "-f", "{{.State.Pid}}", CONTAINER);
      assertThat(Files.readAllLines(Path.of("/proc", pid, "status")))
          .as("the JVM's real, effective, saved and filesystem uids")
          .contains("Uid:\t10001\t10001\t10001\t10001");

      docker.cli("stop", CONTAINER);
      assertThat(logs(docker)).contains("Ravenwatch stopped");
    }
  }

  private static String health(DockerServer docker, String format) {
    return docker.cli("inspect", "-f", format, CONTAINER);
  }

  private static String logs(DockerServer docker) {
    return docker.cli("logs", "--tail", "40", CONTAINER);
  }

  /**
   * {@code docker build} with BuildKit, through Debian's docker CLI (20.10, BuildKit built in): a
   * newer CLI without the buildx plugin refuses BuildKit, and the legacy builder would run every
   * stage, Maven's included, and try to pull its image.
   */
  private static void build(DockerServer docker, String... args) {
    Path cli = Path.of("/usr/bin/docker");
    if (!Files.isExecutable(cli)) {
      throw new IllegalStateException("no /usr/bin/docker: install docker.io");
    }
    var command = new ArrayList<String>(List.of(cli.toString(), "build", "--progress=plain"));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DOCKER_HOST", docker.host());
    builder.environment().put("DOCKER_BUILDKIT", "1");
    try {
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("docker build failed: " + out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + cli, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted building the image", e);
    }
  }
}
