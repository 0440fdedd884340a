package io.ravenwatch.bot.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ravenwatch.probes.config.ListenAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ravenwatch's health endpoint, on the JDK's HTTP server:
 *
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the process runs and the poll scheduler is running,
 *       else 503 (restart me);
 *   <li>{@code GET /health/ready}: 200 when no readiness check is down (degraded ones, such as
 *       InfluxDB away with the points going to the spool, still pass), else 503 (do not count on
 *       me).
 * </ul>
 *
 * <p>Both answer with a {@link HealthReport} in JSON, naming each check with its status and detail.
 * Nothing secret is in it, so it needs no authentication; bind it to loopback unless something
 * outside must reach it.
 *
 * <pre>{@code
 * try (var health = HealthServer.start(settings, HealthChecks.liveness(scheduler), readiness)) { … }
 * }</pre>
 */
public final class HealthServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(HealthServer.class);

  /** The paths served. */
  public static final String LIVE = "/health/live";

  public static final String READY = "/health/ready";

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<HealthCheck> liveness;
  private final List<HealthCheck> readiness;
  private final Duration timeout;

  private HealthServer(
      HttpServer server,
      List<HealthCheck> liveness,
      List<HealthCheck> readiness,
      Duration timeout) {
    this.server = server;
    this.liveness = List.copyOf(liveness);
    this.readiness = List.copyOf(readiness);
    this.timeout = timeout;
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * Binds {@link HealthSettings#address()} and starts serving.
   *
   * @throws UncheckedIOException when the address cannot be bound (in use, not local)
   */
  public static HealthServer start(
      HealthSettings settings, List<HealthCheck> liveness, List<HealthCheck> readiness) {
    InetSocketAddress address = settings.address();
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve the health endpoint on " + address + " (health.listen)", e);
    }
    var health = new HealthServer(server, liveness, readiness, settings.checkTimeout());
    server.start();
    logger.info("Health endpoint on {}{} and {}", health.baseUri(), LIVE, READY);
    return health;
  }

  /** The bound address (the real port when 0 was asked). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** e.g. {@code http://127.0.0.1:9188}. */
  public URI baseUri() {
    return ListenAddress.httpUri(address());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      List<HealthCheck> checks =
          switch (path) {
            case LIVE -> liveness;
            case READY -> readiness;
            default -> null;
          };
      if (checks == null) {
        reply(exchange, 404, "{\"error\":\"no such endpoint; GET " + LIVE + " or " + READY + "\"}");
        return;
      }
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        reply(exchange, 405, "{\"error\":\"use GET\"}");
        return;
      }
      HealthReport report = HealthChecks.run(checks, timeout);
      if (!report.ok()) {
        logger.debug("{} answered 503: {}", path, report.toJson());
      }
      reply(exchange, report.ok() ? 200 : 503, report.toJson());
    }
  }

  private static void reply(HttpExchange exchange, int code, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(code, -1);
      return;
    }
    exchange.sendResponseHeaders(code, body.length);
    exchange.getResponseBody().write(body);
  }

  /** Stops serving at once; requests under way are cut. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
