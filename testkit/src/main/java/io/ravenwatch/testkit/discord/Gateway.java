package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's gateway (v10, JSON, uncompressed): HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeat
 * ACKs, and RESUME → replay of the dispatches the client missed + RESUMED. A session outlives its
 * connection, so dispatches made while the client is away are buffered and replayed by sequence.
 */
final class Gateway extends WebSocketServer {
  private static final Logger logger = LoggerFactory.getLogger(Gateway.class);
  private static final int HEARTBEAT_INTERVAL_MS = 41_250;

  /** A dispatch with its sequence number; {@code onDelivered} runs when it is first sent. */
  private static final class Event {
    final int seq;
    final String text;
    Runnable onDelivered;

    Event(int seq, String text, Runnable onDelivered) {
      this.seq = seq;
      this.text = text;
      this.onDelivered = onDelivered;
    }
  }

  private static final class Session {
    final String id = UUID.randomUUID().toString().replace("-", "");
    final List<Event> events = new ArrayList<>();
    int seq;
    WebSocket connection;
  }

  private final GuildPayloads payloads;
  private final CountDownLatch started = new CountDownLatch(1);
  private final Map<String, Session> sessions = new HashMap<>();
  private final AtomicInteger identifies = new AtomicInteger();
  private final AtomicInteger resumes = new AtomicInteger();
  private Session current;
  private volatile boolean refusing;

  Gateway(GuildPayloads payloads) {
    super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.payloads = payloads;
    setReuseAddr(true);
    setTcpNoDelay(true);
    setDaemon(true);
  }

  void startAndWait() {
    start();
    try {
      if (!started.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the fake gateway did not start within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the fake gateway", e);
    }
  }

  String url() {
    return "ws://127.0.0.1:" + getPort();
  }

  int identifies() {
    return identifies.get();
  }

  int resumes() {
    return resumes.get();
  }

  /** Sends a dispatch now, or buffers it for the session's resume when no client is connected. */
  void dispatch(String type, JsonNode data, Runnable onDelivered) {
    synchronized (this) {
      if (current == null) {
        throw new IllegalStateException("no bot has identified on the fake gateway yet");
      }
      send(current, type, data, onDelivered);
    }
  }

  /**
   * Drops the client's connection: with 1006 the TCP connection just ends (no close frame), any
   * other code is sent as the close frame. While {@code refuse} holds, new connections are refused.
   */
  void drop(int closeCode, boolean refuse) {
    WebSocket connection;
    synchronized (this) {
      refusing = refuse;
      connection = current == null ? null : current.connection;
      if (current != null) {
        current.connection = null;
      }
    }
    if (connection == null) {
      return;
    }
    logger.info("Dropping the gateway connection with code {}", closeCode);
    if (closeCode == CloseFrame.ABNORMAL_CLOSE) {
      connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the test");
    } else {
      connection.close(closeCode, "dropped by the test");
    }
  }

  void accept() {
    refusing = false;
  }

  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
      WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
    if (refusing) {
      throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "the fake gateway is down");
    }
    return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    ObjectNode hello = Json.object().put("op", 10).putNull("s").putNull("t");
    hello.putObject("d").put("heartbeat_interval", HEARTBEAT_INTERVAL_MS);
    conn.send(Json.write(hello));
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    JsonNode payload = Json.parse(message);
    JsonNode d = payload.path("d");
    switch (payload.path("op").asInt(-1)) {
      case 1 -> conn.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
      case 2 -> identify(conn, d);
      case 6 -> resume(conn, d);
      default -> logger.debug("Ignoring gateway op {}", payload.path("op"));
    }
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer message) {
    logger.warn("Binary gateway frame ignored: the fake speaks uncompressed JSON only");
  }

  private void identify(WebSocket conn, JsonNode d) {
    if (!validToken(d.path("token").asText())) {
      conn.close(4004, "Authentication failed.");
      return;
    }
    synchronized (this) {
      Session session = new Session();
      sessions.put(session.id, session);
      current = session;
      session.connection = conn;
      identifies.incrementAndGet();
      send(session, "READY", payloads.ready(session.id, url()), null);
      send(session, "GUILD_CREATE", payloads.guildCreate(), null);
    }
  }

  private void resume(WebSocket conn, JsonNode d) {
    synchronized (this) {
      Session session = sessions.get(d.path("session_id").asText());
      if (session == null || !validToken(d.path("token").asText())) {
        conn.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
        return;
      }
      if (session.connection != null && session.connection != conn) {
        session.connection.close(CloseFrame.NORMAL, "resumed elsewhere");
      }
      current = session;
      session.connection = conn;
      resumes.incrementAndGet();
      int seen = d.path("seq").asInt();
      int replayed = 0;
      for (Event event : session.events) {
        if (event.seq > seen) {
          deliver(conn, event);
          replayed++;
        }
      }
      logger.info("Gateway session resumed after seq {}: {} dispatches replayed", seen, replayed);
      send(session, "RESUMED", Json.object(), null);
    }
  }

  private boolean validToken(String token) {
    String expected = payloads.guild().bot().token();
    return token.equals(expected) || token.equals("Bot " + expected);
  }

  private void send(Session session, String type, JsonNode data, Runnable onDelivered) {
    int seq = ++session.seq;
    ObjectNode frame = Json.object().put("op", 0).put("s", seq).put("t", type);
    frame.set("d", data);
    Event event = new Event(seq, Json.write(frame), onDelivered);
    session.events.add(event);
    if (session.connection != null && session.connection.isOpen()) {
      deliver(session.connection, event);
    }
  }

  private static void deliver(WebSocket conn, Event event) {
    if (event.onDelivered != null) {
      event.onDelivered.run(); // before sending: the client may answer before send() returns
      event.onDelivered = null;
    }
    try {
      conn.send(event.text);
    } catch (RuntimeException e) { // closed meanwhile: the client resumes and gets it replayed
      logger.debug("Dispatch {} not sent: {}", event.seq, e.toString());
    }
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    synchronized (this) {
      for (Session session : sessions.values()) {
        if (session.connection == conn) {
          session.connection = null;
        }
      }
    }
    logger.debug("Gateway connection closed: {} {}", code, reason);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    logger.debug("Gateway connection error", ex);
  }
}
