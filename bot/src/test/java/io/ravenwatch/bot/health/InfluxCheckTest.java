package io.ravenwatch.bot.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ravenwatch.bot.health.CheckResult.Status;
import io.ravenwatch.probes.config.DataSize;
import io.ravenwatch.probes.influx.InfluxSettings;
import io.ravenwatch.testkit.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The InfluxDB check against an HTTP server answering {@code /ping} like InfluxDB (204); the real
 * InfluxDB is in {@code HealthEndpointIT}.
 */
class InfluxCheckTest {
  private final MutableClock clock = MutableClock.at("2026-11-22T06:00:00Z");
  private final AtomicLong spooled = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private HttpServer ping;

  @AfterEach
  void stopPing() {
    if (ping != null) {
      ping.stop(0);
    }
  }

  @Test
  @DisplayName("InfluxDB answering /ping is up, without the url's credentials in the detail")
  void upWhenPingAnswers() throws IOException {
    ping = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ping.createContext(
        "/ping",
        exchange -> {
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    ping.start();
    String url = "http://reader:s3cret@127.0.0.1:" + ping.getAddress().getPort() + "/";

    CheckResult result = check(url).check();

    assertThat(result.status()).isEqualTo(Status.UP);
    assertThat(result.detail())
        .isEqualTo("reachable at http://127.0.0.1:" + ping.getAddress().getPort() + "/")
        .doesNotContain("s3cret");
  }

  @Test
  @DisplayName("InfluxDB unreachable while the spool takes the points is degraded, not down")
  void degradedWhileSpooling() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    spooled.set(1234);

    CheckResult result = check("http://127.0.0.1:" + closedPort).check();

    assertThat(result.status()).isEqualTo(Status.DEGRADED);
    assertThat(result.detail())
        .startsWith("unreachable at http://127.0.0.1:" + closedPort + " (")
        .endsWith("; spooling to disk, 1234 points waiting");
  }

  @Test
  @DisplayName("without an InfluxDB url the points go to the spool: degraded")
  void degradedWithoutUrl() {
    CheckResult result = check(null).check();
    assertThat(result)
        .isEqualTo(
            CheckResult.degraded("no InfluxDB url configured; spooling to disk, 0 points waiting"));
  }

  @Test
  @DisplayName("InfluxDB away and the spool dropping points is down, for five minutes after a drop")
  void downWhileTheSpoolLosesPoints() {
    var check = check(null);
    assertThat(check.check().status()).isEqualTo(Status.DEGRADED);

    dropped.addAndGet(500);
    CheckResult losing = check.check();
    assertThat(losing.status()).isEqualTo(Status.DOWN);
    assertThat(losing.detail()).contains("the spool is losing points (500 dropped since start)");

    clock.advance(Duration.ofMinutes(4));
    assertThat(check.check().status()).as("4 minutes after the drop").isEqualTo(Status.DOWN);
    clock.advance(Duration.ofMinutes(1));
    assertThat(check.check().status()).as("5 minutes after the drop").isEqualTo(Status.DEGRADED);
  }

  private InfluxCheck check(String url) {
    var settings =
        new InfluxSettings(
            url,
            "ravenwatch",
            null,
            null,
            null,
            null,
            5000,
            Duration.ofSeconds(1),
            true,
            Duration.ofSeconds(10),
            DataSize.parse("1MiB"));
    return new InfluxCheck(settings, spooled::get, dropped::get, clock, Duration.ofSeconds(2));
  }
}
