package io.ravenwatch.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real probes, the real engine and a real webhook: a TCP service stopped and started again gives
 * exactly one "firing" and one "resolved" notification — also when Ravenwatch is killed with -9 in
 * the middle of the incident and started again.
 */
class AlertsEndToEndIT {
  @TempDir Path dir;

  private Path writeConfig(int servicePort, String hookUrl) throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(
        rules.resolve("fast.yml"),
        """
        # Tests cannot wait the shipped minute of hold-down.
        override:
          service_down_tcp: {for: 2s}
        """);
    Path file = dir.resolve("ravenwatch.yml");
    Files.writeString(
        file,
        """
        data_dir: data
        defaults: {interval: 1s, timeout: 500ms, retries: 0}
        services:
          api:
            address: 127.0.0.1
            region: eu-west
            probes: [{type: net_response, port: %d}]
        alerts:
          rules_dir: rules
          route: {group_wait: 0s, group_interval: 1s, receivers: [hook]}
          receivers:
            hook: {type: webhook, url: "%s"}
        """
            .formatted(servicePort, hookUrl));
    return file;
  }

  @Test
  @DisplayName("a service stopped and started again: exactly one firing and one resolved")
  void oneFiringOneResolved() throws Exception {
    try (var service = new FlakyService();
        var hook = new WebhookSink()) {
      Path file = writeConfig(service.port(), hook.url());
      try (var app = Ravenwatch.start(Setup.load(file, Map.of()), Clock.systemUTC(), List.of())) {
        awaitPolls(app, 3);
        assertThat(hook.received()).isEmpty();

        service.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> hook.received().size() == 1);
        awaitPolls(app, 3); // still down: nothing more is sent
        service.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> hook.received().size() == 2);
        awaitPolls(app, 3);
      }
      assertIncident(hook.received());
    }
  }

  @Test
  @DisplayName("killed with -9 mid-incident and restarted: no second firing, resolved refers to it")
  void killedMidIncident() throws Exception {
    try (var service = new FlakyService();
        var hook = new WebhookSink()) {
      Path file = writeConfig(service.port(), hook.url());
      service.stop();
      Process first = launch(file);
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> hook.received().size() == 1);
      } finally {
        first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
      }

      Process second = launch(file);
      try {
        // The restarted process sees the service still down for a few polls, then up again.
        Thread.sleep(4000);
        service.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> hook.received().size() >= 2);
        Thread.sleep(2000); // a duplicate would arrive within a poll or two
      } finally {
        second.destroy();
        second.waitFor();
      }
      assertIncident(hook.received());
    }
  }

  private static void assertIncident(List<JsonNode> received) {
    assertThat(received)
        .extracting(n -> n.get("kind").asText())
        .containsExactly("firing", "resolved");
    JsonNode firing = received.get(0);
    JsonNode resolved = received.get(1);
    assertThat(firing.get("alerts").get(0).get("rule").asText()).isEqualTo("service_down_tcp");
    assertThat(firing.get("alerts").get(0).get("target").asText()).isEqualTo("api");
    assertThat(resolved.get("reply_to").asLong()).isEqualTo(firing.get("id").asLong());
    assertThat(resolved.get("reply_to_message_id").asText())
        .isEqualTo("m-" + firing.get("id").asLong());
  }

  private static void awaitPolls(Ravenwatch app, int more) {
    long target = app.scheduler().counters().completed() + more;
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> app.scheduler().counters().completed() >= target);
  }

  /** Ravenwatch in its own JVM, as ./ravenwatch runs it, so it can really be killed. */
  private Process launch(Path config) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var pb =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "run",
            "--quiet",
            "--config",
            config.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("ravenwatch-" + System.nanoTime() + ".log").toFile());
    return pb.start();
  }
}
