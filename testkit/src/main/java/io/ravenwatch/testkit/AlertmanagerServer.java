package io.ravenwatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
  private static final Duration POLL = Duration.ofMillis(20);
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final Path dir;
  private final Path log;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ServerProcess process;

  private AlertmanagerServer(Path dir, int port) {
    this.dir = dir;
    this.port = port;
    this.log = dir.resolve("alertmanager.log");
    this.process = new ServerProcess("alertmanager", log, GRACE);
  }

  /**
   * Launches Alertmanager sending to {@code webhookUrl} and waits until it is ready.
   *
   * @param bearerToken sent as {@code Authorization: Bearer …} to the webhook, or null
   */
  public static AlertmanagerServer launch(String webhookUrl, String bearerToken) {
    String binary = binary();
    return ServerProcess.inTempDirectory(
        "ravenwatch-alertmanager-",
        "alertmanager",
        dir -> {
          var server = new AlertmanagerServer(dir, ServerProcess.freeTcpPort());
          Path config = dir.resolve("alertmanager.yml");
          Files.writeString(config, config(webhookUrl, bearerToken));
          Files.createDirectories(dir.resolve("data"));
          server.start(binary, config);
          return server;
        });
  }

  private void start(String binary, Path config) {
    long started = System.nanoTime();
    process.start(
        new ProcessBuilder(
            binary,
            "--config.file=" + config,
            "--storage.path=" + dir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--cluster.listen-address=",
            "--log.level=debug"),
        "cannot run '"
            + binary
            + "': install Prometheus Alertmanager (apt-get install prometheus-alertmanager) or"
            + " set ALERTMANAGER to its binary");
    Duration took =
        process.awaitReady(
            started,
            STARTUP_LIMIT,
            POLL,
            ServerProcess.httpStatus(http, URI.create(url() + "/-/ready"), 200),
            () -> "become ready");
    logger.info("alertmanager ready at {} in {} ms", url(), took.toMillis());
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
    process.stop();
    ServerProcess.deleteQuietly(dir);
  }

  /** The last lines of the log, for failure messages. */
  public String logTail() {
    return ServerProcess.logTail(log);
  }

  private static String binary() {
    return ServerProcess.fromEnv("ALERTMANAGER")
        .or(() -> ServerProcess.executable("/usr/bin/prometheus-alertmanager"))
        .or(() -> ServerProcess.onPath("alertmanager", "prometheus-alertmanager"))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Prometheus Alertmanager is not installed (no"
                        + " /usr/bin/prometheus-alertmanager, none on the PATH, ALERTMANAGER not"
                        + " set): the external-alert tests need a real one — apt-get install"
                        + " prometheus-alertmanager, or scripts/install-test-servers.sh"));
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
}
