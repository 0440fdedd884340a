package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ravenwatch.testkit.discord.FakeMessage.Attachment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's REST API on a loopback port (JDK HTTP server): bot-token authentication, Discord-style
 * error bodies, and outages on demand — 503 for every request, or the port refusing connections.
 */
final class RestServer {
  private static final Logger logger = LoggerFactory.getLogger(RestServer.class);
  private static final String API = "/api/v10/";
  private static final String ATTACHMENTS = "/attachments/";

  private final Routes routes;
  private final String token;
  private final List<Rejection> rejections = new CopyOnWriteArrayList<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private MessageStore store;
  private HttpServer server;
  private int port;
  private volatile boolean unavailable;
  private volatile long unavailableUntilNanos;
  private final java.util.concurrent.atomic.AtomicInteger unavailableAnswers =
      new java.util.concurrent.atomic.AtomicInteger();

  RestServer(Routes routes, String token) {
    this.routes = routes;
    this.token = token;
  }

  void attachments(MessageStore messageStore) {
    this.store = messageStore;
  }

  synchronized void start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the fake Discord REST port " + port, e);
    }
    server.createContext("/", this::exchange);
    server.setExecutor(executor);
    server.start();
    port = server.getAddress().getPort();
  }

  /** Stops listening: connections are refused until {@link #start()} binds the same port again. */
  synchronized void refuse() {
    if (server != null) {
      server.stop(0);
      server = null;
      logger.info("Fake Discord REST refuses connections on port {}", port);
    }
  }

  synchronized boolean listening() {
    return server != null;
  }

  void unavailable(boolean on, long untilNanos) {
    unavailable = on;
    unavailableUntilNanos = untilNanos;
  }

  int port() {
    return port;
  }

  int unavailableAnswers() {
    return unavailableAnswers.get();
  }

  List<Rejection> rejections() {
    return List.copyOf(rejections);
  }

  synchronized void close() {
    refuse();
    executor.shutdownNow();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (path.startsWith(ATTACHMENTS)) {
        serveAttachment(exchange, path);
        return;
      }
      if (unavailable || System.nanoTime() < unavailableUntilNanos) {
        logger.debug("503 for {} {} (outage)", method, path);
        unavailableAnswers.incrementAndGet();
        send(
            exchange, 503, "text/plain", "upstream connect error".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!path.startsWith(API)) {
        fail(exchange, method, path, DiscordError.notFound());
        return;
      }
      String route = path.substring(API.length());
      try {
        if (routes.authenticated(route)
            && !("Bot " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
          throw DiscordError.unauthorized();
        }
        JsonNode answer = routes.handle(request(exchange, method, route, body));
        if (answer == null) {
          exchange.sendResponseHeaders(204, -1);
        } else {
          send(
              exchange,
              200,
              "application/json",
              Json.write(answer).getBytes(StandardCharsets.UTF_8));
        }
      } catch (DiscordError e) {
        fail(exchange, method, route, e);
      } catch (RuntimeException e) {
        logger.error("The Discord fake failed on {} {}", method, path, e);
        send(
            exchange,
            500,
            "application/json",
            "{\"message\":\"500\",\"code\":0}".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static Routes.Request request(
      HttpExchange exchange, String method, String route, byte[] body) {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (Multipart.is(contentType)) {
      List<Multipart.Part> parts = Multipart.parse(contentType, body);
      JsonNode json =
          parts.stream()
              .filter(p -> "payload_json".equals(p.name()))
              .findFirst()
              .map(p -> Json.parse(p.bytes()))
              .orElseGet(Json::object);
      return new Routes.Request(method, route, json, Routes.files(parts));
    }
    return new Routes.Request(method, route, Json.parse(body), Map.of());
  }

  private void fail(HttpExchange exchange, String method, String path, DiscordError e)
      throws IOException {
    var rejection = new Rejection(method, path, e.status, e.code, e.getMessage(), e.body());
    rejections.add(rejection);
    logger.info("Fake Discord refused {} {}: {} {}", method, path, e.status, Json.write(e.body()));
    send(
        exchange,
        e.status,
        "application/json",
        Json.write(e.body()).getBytes(StandardCharsets.UTF_8));
  }

  private void serveAttachment(HttpExchange exchange, String path) throws IOException {
    String[] segments = path.substring(ATTACHMENTS.length()).split("/");
    Attachment attachment = store == null ? null : store.attachment(segments[0]);
    if (attachment == null) {
      send(exchange, 404, "text/plain", new byte[0]);
    } else {
      send(exchange, 200, attachment.contentType(), attachment.bytes());
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }
}
