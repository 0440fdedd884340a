package io.ravenwatch.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback that records every JSON payload posted to it, honouring the {@code
 * Idempotency-Key} header as the webhook contract asks receivers to: a key seen before is
 * acknowledged again (same answer) but not recorded twice. Ravenwatch delivers at least once across
 * a crash between the receiver's answer and the outbox's commit; the key makes that exactly once.
 */
final class WebhookSink implements AutoCloseable {
  private final HttpServer server;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final Set<String> keys = ConcurrentHashMap.newKeySet();
  private final AtomicInteger redeliveries = new AtomicInteger();
  private final ObjectMapper mapper = new ObjectMapper();

  WebhookSink() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          JsonNode body = mapper.readTree(exchange.getRequestBody());
          String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
          if (key == null || keys.add(key)) {
            received.add(body);
          } else {
            redeliveries.incrementAndGet();
          }
          byte[] answer = ("{\"id\":\"m-" + body.get("id").asLong() + "\"}").getBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  List<JsonNode> received() {
    return List.copyOf(received);
  }

  /** Posts whose idempotency key had been seen before (acknowledged, not recorded). */
  int redeliveries() {
    return redeliveries.get();
  }

  List<String> kinds() {
    return received.stream().map(n -> n.get("kind").asText()).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
