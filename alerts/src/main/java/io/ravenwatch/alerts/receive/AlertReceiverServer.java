package io.ravenwatch.alerts.receive;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.receive.ExternalAlerts.MalformedPayload;
import io.ravenwatch.alerts.receive.ExternalAlerts.Source;
import io.ravenwatch.probes.config.ListenAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP endpoint for alerts made elsewhere, so teams that already alert with Prometheus or
 * Grafana get Ravenwatch's grouping, silences and acks:
 *
 * <ul>
 *   <li>{@code POST /api/v1/alerts/alertmanager}: Alertmanager's webhook ({@code webhook_configs},
 *       payload version 4);
 *   <li>{@code POST /api/v1/alerts/grafana}: Grafana unified alerting's webhook contact point.
 * </ul>
 *
 * <p>Each alert becomes an {@link Observation} handed to the sink (see {@link ExternalAlerts}).
 * Answers: 200 {@code {"status":"ok","accepted":N}}; 400 with a short reason for a payload that
 * cannot be read; 401 without the configured bearer token; 413 for a body over 1 MiB; 500 when the
 * sink fails (Alertmanager then retries).
 *
 * <pre>{@code
 * try (var server = AlertReceiverServer.start(settings, lifecycle::observe, clock)) { … }
 * }</pre>
 */
public final class AlertReceiverServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(AlertReceiverServer.class);

  /** The largest body accepted: a batch of a few thousand alerts. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  /** How much of an oversized body is read and dropped so the sender sees the 413. */
  private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

  static final String PREFIX = "/api/v1/alerts/";
  private static final Map<String, Source> ENDPOINTS =
      Map.of(PREFIX + "alertmanager", Source.ALERTMANAGER, PREFIX + "grafana", Source.GRAFANA);

  private final HttpServer server;
  private final ExecutorService executor;
  private final ExternalAlerts alerts;
  private final Consumer<Observation> sink;
  private final byte[] token;

  private AlertReceiverServer(
      HttpServer server, ReceiverSettings settings, Consumer<Observation> sink, Clock clock) {
    this.server = server;
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    this.alerts = new ExternalAlerts(clock);
    this.sink = sink;
    this.token =
        settings.token() == null
            ? null
            : ("Bearer " + settings.token().reveal()).getBytes(StandardCharsets.UTF_8);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * Binds {@link ReceiverSettings#address()} and starts serving.
   *
   * @throws UncheckedIOException when the address cannot be bound (in use, not local)
   */
  public static AlertReceiverServer start(
      ReceiverSettings settings, Consumer<Observation> sink, Clock clock) {
    Objects.requireNonNull(sink);
    InetSocketAddress address = settings.address();
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for external alerts on " + address, e);
    }
    var receiver = new AlertReceiverServer(server, settings, sink, clock);
    server.start();
    logger.info("receiving external alerts on {}", receiver.baseUri());
    return receiver;
  }

  /** The bound address (its port is the real one when 0 was asked). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** e.g. {@code http://127.0.0.1:9094}. */
  public URI baseUri() {
    return ListenAddress.httpUri(address());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Source source = ENDPOINTS.get(exchange.getRequestURI().getPath());
      if (source == null) {
        reply(
            exchange,
            404,
            error("no such endpoint; POST to " + PREFIX + "alertmanager or grafana"));
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        reply(exchange, 405, error("use POST"));
        return;
      }
      if (!authorized(exchange)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        reply(exchange, 401, error("missing or wrong bearer token"));
        return;
      }
      byte[] body = readBody(exchange);
      if (body == null) {
        reply(exchange, 413, error("body larger than " + MAX_BODY_BYTES + " bytes"));
        return;
      }
      List<Observation> observations;
      try {
        observations = alerts.parse(body, source);
      } catch (MalformedPayload e) {
        logger.warn(
            "rejected {} payload from {}: {}", source, exchange.getRemoteAddress(), e.getMessage());
        reply(exchange, 400, error(e.getMessage()));
        return;
      }
      try {
        observations.forEach(sink);
      } catch (RuntimeException e) {
        logger.error("could not take {} alerts from {}", source, exchange.getRemoteAddress(), e);
        reply(exchange, 500, error("could not take the alerts now; try again"));
        return;
      }
      logger.debug("accepted {} {} alerts", observations.size(), source);
      reply(exchange, 200, "{\"status\":\"ok\",\"accepted\":" + observations.size() + "}");
    } catch (IOException | RuntimeException e) {
      logger.warn("request from {} failed: {}", exchange.getRemoteAddress(), e.toString());
    }
  }

  private boolean authorized(HttpExchange exchange) {
    if (token == null) {
      return true;
    }
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    // Constant time: the comparison must not tell how much of a guess was right.
    return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The body, or null when it is larger than {@link #MAX_BODY_BYTES}. An oversized body is still
   * read and dropped (up to {@link #DRAIN_LIMIT}): a server that answers while the client is still
   * sending resets the connection, and the client never sees the 413.
   */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > DRAIN_LIMIT) {
          return null; // not worth reading: answer and let the connection close
        }
      } catch (NumberFormatException ignored) {
        // chunked or odd: the read below enforces the limit
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length <= MAX_BODY_BYTES) {
        return body;
      }
      long skipped = body.length;
      byte[] scratch = new byte[64 * 1024];
      int n;
      while (skipped < DRAIN_LIMIT && (n = in.read(scratch)) > 0) {
        skipped += n;
      }
      return null;
    }
  }

  private static String error(String reason) {
    return "{\"status\":\"error\",\"error\":\"" + jsonEscape(reason) + "\"}";
  }

  private static String jsonEscape(String s) {
    var sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static void reply(HttpExchange exchange, int code, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** Stops accepting, lets requests in progress finish (up to a second), frees the port. */
  @Override
  public void close() {
    server.stop(1);
    executor.close();
    logger.info("stopped receiving external alerts on {}", address());
  }
}
