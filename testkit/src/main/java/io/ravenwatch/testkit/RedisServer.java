package io.ravenwatch.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Redis server on a free loopback port in a temporary directory, for tests: {@code
 * redis-server} in the foreground (so {@link #close()} can stop it) without persistence ({@code
 * --save "" --appendonly no}), optionally with a password and as a replica of another.
 *
 * <pre>{@code
 * try (RedisServer primary = RedisServer.launch("s3cret");
 *     RedisServer replica = RedisServer.replicaOf(primary, "s3cret")) {
 *   primary.command("SET", "k", "v");
 * }
 * }</pre>
 *
 * <p>The binary comes from {@code REDIS_SERVER} or {@code PATH}; when there is none, launching
 * fails with a message saying how to install it. Ready when it answers {@code PING}.
 */
public final class RedisServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(RedisServer.class);
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(25);
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final Path dir;
  private final int port;
  private final String password;
  private final ServerProcess process;

  private RedisServer(Path dir, int port, String password) {
    this.dir = dir;
    this.port = port;
    this.password = password;
    this.process = new ServerProcess("redis-server", dir.resolve("redis.log"), GRACE);
  }

  /** A primary without a password. */
  public static RedisServer launch() {
    return launch(null, null);
  }

  /** A primary requiring {@code password} (also used to authenticate to its own primary later). */
  public static RedisServer launch(String password) {
    return launch(password, null);
  }

  /** A replica of {@code primary}; both share {@code password} (may be null). */
  public static RedisServer replicaOf(RedisServer primary, String password) {
    return launch(password, primary);
  }

  private static RedisServer launch(String password, RedisServer primary) {
    String binary =
        ServerProcess.fromEnv("REDIS_SERVER")
            .or(() -> ServerProcess.onPath("redis-server"))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "redis-server is not installed (not on PATH, REDIS_SERVER not set): the"
                            + " Redis tests need a real server — apt-get install redis-server, or"
                            + " scripts/install-test-servers.sh"));
    return ServerProcess.inTempDirectory(
        "ravenwatch-redis-",
        "Redis",
        dir -> {
          var server = new RedisServer(dir, ServerProcess.freeTcpPort(), password);
          server.start(binary, primary);
          return server;
        });
  }

  private void start(String binary, RedisServer primary) {
    long started = System.nanoTime();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                binary,
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.toString(),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                // A replica's first sync would otherwise wait 5 s for more replicas to join.
                "--repl-diskless-sync-delay",
                "0"));
    if (password != null) {
      cmd.addAll(List.of("--requirepass", password, "--masterauth", password));
    }
    if (primary != null) {
      cmd.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port())));
    }
    process.start(new ProcessBuilder(cmd), "cannot run " + binary);
    Duration took =
        process.awaitReady(
            started,
            STARTUP_LIMIT,
            POLL,
            () -> {
              try {
                return "PONG".equals(command("PING"));
              } catch (UncheckedIOException notYet) {
                return false;
              }
            },
            () -> "answer PING");
    logger.info("Redis ready at 127.0.0.1:{} in {} ms", port, took.toMillis());
  }

  public int port() {
    return port;
  }

  /**
   * Runs one command (authenticating first when there is a password) and returns the reply: a
   * simple or bulk string, an integer as text, null for a nil reply, or the lines of an array.
   *
   * @throws IllegalStateException on an error reply
   */
  public String command(String... args) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      if (password != null) {
        write(out, "AUTH", password);
        read(in);
      }
      write(out, args);
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Redis at 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  private static void write(OutputStream out, String... args) throws IOException {
    var sb = new StringBuilder("*").append(args.length).append("\r\n");
    for (String a : args) {
      byte[] b = a.getBytes(StandardCharsets.UTF_8);
      sb.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String read(InputStream in) throws IOException {
    String line = line(in);
    char type = line.charAt(0);
    String rest = line.substring(1);
    return switch (type) {
      case '+', ':' -> rest;
      case '-' -> throw new IllegalStateException("Redis error: " + rest);
      case '$' -> {
        int n = Integer.parseInt(rest);
        if (n < 0) {
          yield null;
        }
        byte[] b = in.readNBytes(n + 2);
        yield new String(b, 0, n, StandardCharsets.UTF_8);
      }
      case '*' -> {
        int n = Integer.parseInt(rest);
        var parts = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
          parts.add(String.valueOf(read(in)));
        }
        yield String.join("\n", parts);
      }
      default -> throw new IOException("unexpected reply: " + line);
    };
  }

  private static String line(InputStream in) throws IOException {
    var sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\r') {
        in.read(); // '\n'
        return sb.toString();
      }
      sb.append((char) c);
    }
    throw new IOException("connection closed");
  }

  /** Whether the process is still running (false after {@link #stop()}). */
  public boolean running() {
    return process.alive();
  }

  /** Stops the server (SIGTERM), keeping its directory: a node that went down. */
  public void stop() {
    process.stop();
  }

  @Override
  public void close() {
    process.stop();
    ServerProcess.deleteQuietly(dir);
  }
}
