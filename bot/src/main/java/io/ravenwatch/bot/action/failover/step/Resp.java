package io.ravenwatch.bot.action.failover.step;

import io.ravenwatch.bot.action.failover.NodeConfig;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal Redis client (RESP2 over a socket) for the few commands a failover needs: AUTH, PING,
 * ROLE, INFO, REPLICAOF. One connection per use; no pooling, no pipelining. Error replies throw
 * {@link Error}; the password is never part of any message.
 *
 * <pre>{@code
 * try (Resp redis = Resp.connect(host, node.redis(), Duration.ofSeconds(5))) {
 *   redis.call("REPLICAOF", "NO", "ONE");
 * }
 * }</pre>
 */
public final class Resp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  /** A Redis error reply, e.g. {@code NOAUTH Authentication required}. */
  public static final class Error extends IOException {
    private static final long serialVersionUID = 1L;

    Error(String message) {
      super(message);
    }
  }

  private Resp(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects and authenticates when the node has a password. */
  public static Resp connect(String host, NodeConfig.Redis redis, Duration timeout)
      throws IOException {
    var socket = new Socket();
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    try {
      socket.connect(new InetSocketAddress(host, redis.port()), millis);
      socket.setSoTimeout(millis);
      var resp = new Resp(socket);
      if (redis.password() != null) {
        if (redis.user() == null || redis.user().isEmpty()) {
          resp.call("AUTH", redis.password().reveal());
        } else {
          resp.call("AUTH", redis.user(), redis.password().reveal());
        }
      }
      return resp;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Sends one command and reads its reply: a String (simple or bulk), a Long, a List of replies, or
   * null.
   */
  public Object call(String... args) throws IOException {
    var sb = new StringBuilder("*").append(args.length).append("\r\n");
    for (String a : args) {
      sb.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
      sb.append(a).append("\r\n");
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
    return read();
  }

  /** {@code ROLE}'s first element: {@code master}, {@code slave} or {@code sentinel}. */
  public String role() throws IOException {
    Object reply = call("ROLE");
    if (reply instanceof List<?> l && !l.isEmpty()) {
      return String.valueOf(l.getFirst());
    }
    throw new IOException("unexpected ROLE reply");
  }

  /** {@code INFO section} as key/value pairs. */
  public Map<String, String> info(String section) throws IOException {
    var map = new LinkedHashMap<String, String>();
    for (String line : String.valueOf(call("INFO", section)).split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith("#")) {
        map.put(line.substring(0, colon), line.substring(colon + 1).strip());
      }
    }
    return map;
  }

  private Object read() throws IOException {
    String line = line();
    if (line.isEmpty()) {
      throw new IOException("empty reply");
    }
    String rest = line.substring(1);
    return switch (line.charAt(0)) {
      case '+' -> rest;
      case '-' -> throw new Error(rest);
      case ':' -> Long.parseLong(rest);
      case '$' -> {
        int n = Integer.parseInt(rest);
        if (n < 0) {
          yield null;
        }
        byte[] b = in.readNBytes(n + 2);
        if (b.length < n + 2) {
          throw new IOException("connection closed");
        }
        yield new String(b, 0, n, StandardCharsets.UTF_8);
      }
      case '*' -> {
        int n = Integer.parseInt(rest);
        if (n < 0) {
          yield null;
        }
        var items = new ArrayList<Object>(n);
        for (int i = 0; i < n; i++) {
          items.add(read());
        }
        yield items;
      }
      default -> throw new IOException("not a RESP reply");
    };
  }

  private String line() throws IOException {
    var sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\r') {
        if (in.read() != '\n') {
          throw new IOException("malformed reply");
        }
        return sb.toString();
      }
      sb.append((char) c);
    }
    throw new IOException("connection closed");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
