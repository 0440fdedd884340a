package io.ravenwatch.bot.action.failover.step;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ravenwatch.bot.action.failover.NodeConfig;
import io.ravenwatch.probes.container.ContainerEngines;
import io.ravenwatch.probes.container.DockerEngine;
import io.ravenwatch.testkit.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The docker step's use of the declared engine, against a fake Engine API on loopback TCP (the real
 * dockerd is in {@code FailoverDockerIT}; its unix socket does not enforce read timeouts, TCP
 * does).
 */
class DockerStepTest {
  /** How long the fake engine takes to answer a stop, like dockerd waiting out the grace period. */
  private static final Duration STOP_TAKES = Duration.ofSeconds(2);

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private HttpServer engine;

  @BeforeEach
  void startFakeEngine() throws IOException {
    engine = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    engine.setExecutor(handlers);
    engine.createContext("/", this::answer);
    engine.start();
  }

  @AfterEach
  void stopFakeEngine() {
    engine.stop(0);
    handlers.shutdownNow();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
    if (path.endsWith("/containers/app/stop")) {
      try {
        Thread.sleep(STOP_TAKES.toMillis()); // the engine's own slowness, not a test waiting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      exchange.sendResponseHeaders(204, -1);
    } else if (path.endsWith("/containers/app/json")) {
      byte[] body = "{\"State\":{\"Running\":false}}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } else {
      exchange.sendResponseHeaders(404, -1);
    }
    exchange.close();
  }

  private StepContext context(ContainerEngines engines) {
    var docker = new NodeConfig("127.0.0.1", null, null, null, null, new NodeConfig.Docker("edge"));
    return new StepContext(
        "app",
        Map.of("a", docker, "b", docker),
        "a",
        "b",
        Duration.ofSeconds(30),
        t -> List.of(),
        engines,
        MutableClock.at("2026-11-22T10:00:00Z"));
  }

  private ContainerEngines declaredWithTimeout(Duration timeout) {
    String host = "tcp://127.0.0.1:" + engine.getAddress().getPort();
    return new ContainerEngines(Map.of("edge", new DockerEngine(host, null, timeout)), Map.of());
  }

  @Test
  @DisplayName("the step talks to the engine the node names, with its host from container_engines")
  void usesTheDeclaredEngine() {
    var step =
        new DockerStep(new DockerStep.Settings("a", "app", DockerStep.Action.STOP, STOP_TAKES));

    StepResult result = step.run(context(declaredWithTimeout(Duration.ofSeconds(10))));

    assertThat(result.ok()).as(result.toString()).isTrue();
    assertThat(requests)
        .containsExactly("POST /v1.41/containers/app/stop?t=2", "GET /v1.41/containers/app/json");
  }

  @Test
  @DisplayName("a stop may take stop_timeout on top of the engine's per-call timeout")
  void stopOutlastsTheEngineTimeout() {
    var step =
        new DockerStep(new DockerStep.Settings("a", "app", DockerStep.Action.STOP, STOP_TAKES));

    StepResult result = step.run(context(declaredWithTimeout(Duration.ofSeconds(1))));

    assertThat(result.ok()).as(result.toString()).isTrue();
  }

  @Test
  @DisplayName("an engine missing from the context is a failed step, not an exception")
  void reportsAMissingEngine() {
    var step =
        new DockerStep(new DockerStep.Settings("a", "app", DockerStep.Action.STOP, STOP_TAKES));

    StepResult result = step.run(context(ContainerEngines.NONE));

    assertThat(result.ok()).isFalse();
    assertThat(result.reason()).contains("no engine edge under container_engines.docker");
    assertThat(requests).isEmpty();
  }
}
