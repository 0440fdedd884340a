package io.ravenwatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code influxd} (InfluxDB 1.x) on free loopback ports in a temporary directory, for tests.
 * It can be stopped and started again on the same port with the same data, to test what a client
 * does while the server is away.
 *
 * <pre>{@code
 * try (InfluxServer influx = InfluxServer.launch()) {
 *   influx.createDatabase("ravenwatch");
 *   // … write to influx.url() …
 *   String json = influx.query("SELECT count(*) FROM cpu", "ravenwatch");
 * }
 * }</pre>
 *
 * <p>The binary is {@code influxd} on the {@code PATH}, or the one named by the {@code INFLUXD}
 * environment variable; when there is none, {@link #launch()} fails with a message saying how to
 * install it.
 */
public final class InfluxServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(InfluxServer.class);
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(20);
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final Path dir;
  private final Path config;
  private final Path log;
  private final int httpPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ServerProcess process;
  private Duration lastStartup = Duration.ZERO;

  private InfluxServer(Path dir, int httpPort, int rpcPort) throws IOException {
    this.dir = dir;
    this.httpPort = httpPort;
    this.config = dir.resolve("influxdb.conf");
    this.log = dir.resolve("influxd.log");
    this.process = new ServerProcess("influxd", log, GRACE);
    Files.writeString(config, config(dir, httpPort, rpcPort));
  }

  /** Launches a fresh server with an empty data directory and waits until it answers. */
  public static InfluxServer launch() {
    return ServerProcess.inTempDirectory(
        "ravenwatch-influxd-",
        "influxd",
        dir -> {
          var server =
              new InfluxServer(dir, ServerProcess.freeTcpPort(), ServerProcess.freeTcpPort());
          server.start();
          return server;
        });
  }

  /**
   * Starts the server again after {@link #stop()}, on the same port with the same data, and waits
   * until it answers {@code /ping}.
   */
  public synchronized void start() {
    if (process.alive()) {
      throw new IllegalStateException("influxd is already running on port " + httpPort);
    }
    String binary = binary();
    long started = System.nanoTime();
    process.start(
        new ProcessBuilder(binary, "-config", config.toString()),
        "cannot run '"
            + binary
            + "': install InfluxDB 1.x (apt-get install influxdb) or set"
            + " INFLUXD to the influxd binary");
    lastStartup =
        process.awaitReady(
            started,
            STARTUP_LIMIT,
            POLL,
            ServerProcess.httpStatus(http, URI.create(url() + "/ping"), 204),
            () -> "answer /ping");
    logger.info("influxd ready at {} in {} ms", url(), lastStartup.toMillis());
  }

  /** Stops the server (SIGTERM, then SIGKILL after 10 s), keeping its data for {@link #start()}. */
  public synchronized void stop() {
    process.stop();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}; the same across restarts. */
  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  public int port() {
    return httpPort;
  }

  /** How long the last (re)start took until {@code /ping} answered 204. */
  public Duration startupTime() {
    return lastStartup;
  }

  /** influxd's own log (stdout and stderr), inside the server's temporary directory. */
  public Path logFile() {
    return log;
  }

  /** Whether the process is running. */
  public synchronized boolean running() {
    return process.alive();
  }

  /**
   * Runs an InfluxQL statement (POST {@code /query}, timestamps as epoch nanoseconds) and returns
   * the JSON body.
   *
   * @param db the database, or {@code null}
   * @throws IllegalStateException when InfluxDB does not answer 200
   */
  public String query(String influxQl, String db) {
    String form = "epoch=ns&q=" + encode(influxQl) + (db == null ? "" : "&db=" + encode(db));
    return send(
        HttpRequest.newBuilder(URI.create(url() + "/query"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)),
        200);
  }

  /** Creates a database (a no-op when it exists). */
  public void createDatabase(String db) {
    query("CREATE DATABASE \"" + db.replace("\"", "\\\"") + "\"", null);
  }

  /** Writes line protocol (nanosecond timestamps) straight through the HTTP API. */
  public void write(String db, String lineProtocol) {
    send(
        HttpRequest.newBuilder(URI.create(url() + "/write?precision=ns&db=" + encode(db)))
            .POST(HttpRequest.BodyPublishers.ofString(lineProtocol)),
        204);
  }

  /** Kills the server and deletes its directory. */
  @Override
  public void close() {
    stop();
    ServerProcess.deleteQuietly(dir);
  }

  private String send(HttpRequest.Builder request, int expected) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            "influxd answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("influxd at " + url() + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String binary() {
    return ServerProcess.fromEnv("INFLUXD")
        .or(() -> ServerProcess.onPath("influxd"))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "influxd is not installed (not on the PATH, INFLUXD not set): the InfluxDB"
                        + " tests need a real InfluxDB 1.x — apt-get install influxdb, or"
                        + " scripts/install-test-servers.sh"));
  }

  private static String config(Path dir, int httpPort, int rpcPort) {
    return """
        reporting-disabled = true
        bind-address = "127.0.0.1:%2$d"

        [meta]
          dir = "%3$s/meta"
          logging-enabled = false

        [data]
          dir = "%3$s/data"
          wal-dir = "%3$s/wal"
          query-log-enabled = false
          trace-logging-enabled = false

        [http]
          bind-address = "127.0.0.1:%1$d"
          log-enabled = false
          write-tracing = false

        [monitor]
          store-enabled = false

        [subscriber]
          enabled = false

        [continuous_queries]
          enabled = false
          log-enabled = false

        [logging]
          level = "warn"
          suppress-logo = true
        """
        .formatted(httpPort, rpcPort, dir.toAbsolutePath());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
