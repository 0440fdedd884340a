package io.ravenwatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Prometheus Alertmanager on a free loopback port in a temporary directory, for tests. It
 * sends every group to one webhook receiver (with {@code send_resolved}), groups by {@code
 * alertname}, waits 200 ms before a new group's first notification and 1 s between a group's
 * updates, and runs without its gossip cluster.
 *
 * <pre>{@code
 * try (var am = AlertmanagerServer.launch("http://127.0.0.1:9094/api/v1/alerts/alertmanager", null)) {
 *   am.postAlerts("[{\"labels\":{\"alertname\":\"HostDown\"}}]"); // the v2 API
 * }
 * }</pre>
 *
 * <p>The binary is the one named by the {@code ALERTMANAGER} environment variable, else {@code
 * /usr/bin/prometheus-alertmanager} (Debian's package) or {@code alertmanager} on the {@code PATH};
 * when there is none, {@link #launch} fails with a message saying how to install it.
 */
public final class AlertmanagerServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(AlertmanagerServer.class);
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(30);

  private final Path dir;
  private final Path log;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  private AlertmanagerServer(Path dir, int port) {
    this.dir = dir;
    this.port = port;
    this.log = dir.resolve("alertmanager.log");
  }

  /**
   * Launches Alertmanager sending to {@code webhookUrl} and waits until it is ready.
   *
   * @param bearerToken sent as {@code Authorization: Bearer …} to the webhook, or null
   */
  public static AlertmanagerServer launch(String webhookUrl, String bearerToken) {
    String binary = binary();
    Path dir = null;
    try {
      dir = Files.createTempDirectory("ravenwatch-alertmanager-");
      var server = new AlertmanagerServer(dir, freePort());
      Path config = dir.resolve("alertmanager.yml");
      Files.writeString(config, config(webhookUrl, bearerToken));
      Files.createDirectories(dir.resolve("data"));
      server.start(binary, config);
      return server;
    } catch (IOException e) {
      deleteQuietly(dir);
      throw new UncheckedIOException("cannot prepare alertmanager in " + dir, e);
    } catch (RuntimeException e) {
      deleteQuietly(dir);
      throw e;
    }
  }

  private void start(String binary, Path config) {
    long started = System.nanoTime();
    try {
      process =
          new ProcessBuilder(
                  binary,
                  "--config.file=" + config,
                  "--storage.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--cluster.listen-address=",
                  "--log.level=debug")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run '"
              + binary
              + "': install Prometheus Alertmanager (apt-get install prometheus-alertmanager) or"
              + " set ALERTMANAGER to its binary",
          e);
    }
    awaitReady(started);
    logger.info(
        "alertmanager ready at {} in {} ms",
        url(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Alertmanager's own log (debug level: it names every notification it sends). */
  public Path logFile() {
    return log;
  }

  /**
   * Posts alerts with the v2 API ({@code POST /api/v2/alerts}), as Prometheus does.
   *
   * @param jsonArray e.g. {@code [{"labels":{…},"annotations":{…},"startsAt":"…","endsAt":"…"}]}
   * @throws IllegalStateException when Alertmanager does not answer 200
   */
  public void postAlerts(String jsonArray) {
    var request =
        HttpRequest.newBuilder(URI.create(url() + "/api/v2/alerts"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(jsonArray))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "alertmanager answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("alertmanager at " + url() + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Stops the process and deletes its directory. */
  @Override
  public void close() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
      process = null;
    }
    deleteQuietly(dir);
  }

  private void awaitReady(long startedNanos) {
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
            .timeout(Duration.ofSeconds(1))
            .GET()
            .build();
    while (System.nanoTime() - startedNanos < STARTUP_LIMIT.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "alertmanager exited with " + process.exitValue() + " at startup:\n" + logTail());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for alertmanager", e);
      }
      try {
        Thread.sleep(20); // polling a child process's port: nothing to be notified by
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for alertmanager", e);
      }
    }
    close();
    throw new IllegalStateException(
        "alertmanager was not ready within " + STARTUP_LIMIT + ":\n" + logTail());
  }

  /** The last lines of the log, for failure messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static String binary() {
    String configured = System.getenv("ALERTMANAGER");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    if (Files.isExecutable(Path.of("/usr/bin/prometheus-alertmanager"))) {
      return "/usr/bin/prometheus-alertmanager";
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String entry : path.split(":")) {
      for (String name : List.of("alertmanager", "prometheus-alertmanager")) {
        Path candidate = Path.of(entry.isEmpty() ? "." : entry, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    throw new IllegalStateException(
        "Prometheus Alertmanager is not installed (no /usr/bin/prometheus-alertmanager, none on"
            + " the PATH, ALERTMANAGER not set): the external-alert tests need a real one —"
            + " apt-get install prometheus-alertmanager, or scripts/install-test-servers.sh");
  }

  private static String config(String webhookUrl, String bearerToken) {
    var yaml = new StringBuilder();
    yaml.append("route:\n")
        .append("  receiver: ravenwatch\n")
        .append("  group_by: ['alertname']\n")
        .append("  group_wait: 200ms\n")
        .append("  group_interval: 1s\n")
        .append("  repeat_interval: 1h\n")
        .append("receivers:\n")
        .append("  - name: ravenwatch\n")
        .append("    webhook_configs:\n")
        .append("      - url: ")
        .append(quote(webhookUrl))
        .append('\n')
        .append("        send_resolved: true\n");
    if (bearerToken != null) {
      yaml.append("        http_config:\n")
          .append("          authorization:\n")
          .append("            type: Bearer\n")
          .append("            credentials: ")
          .append(quote(bearerToken))
          .append('\n');
    }
    return yaml.toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      logger.warn("could not delete {}: {}", dir, e.toString());
    }
  }
}
