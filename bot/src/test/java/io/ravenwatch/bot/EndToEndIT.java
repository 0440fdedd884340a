package io.ravenwatch.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.ravenwatch.alerts.rule.RuleLoader;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.testkit.InfluxServer;
import io.ravenwatch.testkit.SnmpdServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ravenwatch as it runs: a configuration file, real probes against a real snmpd, a TCP service and
 * an HTTP server, and a real InfluxDB; the points are read back with InfluxQL and checked against
 * Telegraf's schema.
 */
class EndToEndIT {
  private static InfluxServer influx;
  private static SnmpdServer snmpd;
  private static ServerSocket tcp;
  private static HttpServer http;

  @TempDir static Path dataDir;

  @BeforeAll
  static void startServers() throws IOException {
    influx = InfluxServer.launch();
    influx.createDatabase("e2e");
    snmpd = SnmpdServer.builder().community("e2e-community").disk("/").start();
    tcp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!tcp.isClosed()) {
                try (Socket s = tcp.accept()) {
                  s.getOutputStream().write("SSH-2.0-test\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                  // closed by the test or the probe
                }
              }
            });
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/health",
        exchange -> {
          byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    http.start();
  }

  @AfterAll
  static void stopServers() throws IOException {
    http.stop(0);
    tcp.close();
    snmpd.close();
    influx.close();
  }

  @Test
  @DisplayName("probes of a configured inventory land in InfluxDB in Telegraf's schema")
  void pointsLandInInfluxInTelegrafSchema() {
    String yaml =
        """
        data_dir: %s
        influxdb: {url: "%s", database: e2e, flush_interval: 200ms}
        defaults: {interval: 2s, timeout: 1s, retries: 1}
        snmp_credentials:
          lab: {version: 2c, community: "${E2E_COMMUNITY}", port: %d}
        hosts:
          lab1:
            address: 127.0.0.1
            region: eu-west
            group: servers
            role: primary
            tags: {rack: r12}
            snmp: lab
            probes:
              - {type: ping, count: 1}
              - {type: snmp}
              - {type: snmp_disk}
              - {type: disk, paths: [/]}
        services:
          sshd:
            host: lab1
            probes: [{type: net_response, port: %d, expect: SSH-2.0}]
          web:
            region: eu-west
            probes:
              - {type: http_response, url: "http://127.0.0.1:%d/health", body_regex: "status.:.ok"}
        """
            .formatted(
                dataDir,
                influx.url(),
                snmpd.port(),
                tcp.getLocalPort(),
                http.getAddress().getPort());
    var config =
        ConfigLoader.parse(
            yaml,
            "e2e.yml",
            Map.of("E2E_COMMUNITY", "e2e-community"),
            ProbeRegistry.standard(),
            Setup.sections());
    var setup = new Setup(config, RuleLoader.standard().load((Path) null, true));

    try (var app = Ravenwatch.start(setup, Clock.systemUTC(), List.of())) {
      List<String> measurements =
          List.of(
              "ping",
              "system",
              "mem",
              "interface",
              "snmp",
              "disk",
              "net_response",
              "http_response",
              "ravenwatch");
      await()
          .atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                String shown = influx.query("SHOW MEASUREMENTS", "e2e");
                assertThat(measurements).allMatch(m -> shown.contains("[\"" + m + "\"]"));
              });
    }

    // Every point of a target carries source and the inventory tags.
    assertThat(influx.query("SHOW TAG KEYS FROM \"system\"", "e2e"))
        .contains("\"source\"", "\"region\"", "\"group\"", "\"role\"", "\"rack\"");
    assertThat(influx.query("SELECT last(uptime) FROM \"system\" WHERE source='lab1'", "e2e"))
        .contains("\"last\"");
    assertThat(influx.query("SHOW FIELD KEYS FROM \"system\"", "e2e"))
        .contains("[\"uptime\",\"integer\"]", "[\"load1\",\"float\"]");
    // n_cpus and cpu come from hrProcessorLoad, which snmpd only serves after running for 60 s.
    assertThat(influx.query("SHOW FIELD KEYS FROM \"mem\"", "e2e"))
        .contains("[\"total\",\"integer\"]", "[\"used_percent\",\"float\"]");
    assertThat(influx.query("SHOW TAG VALUES FROM \"interface\" WITH KEY = \"ifName\"", "e2e"))
        .contains("\"lo\"");
    assertThat(influx.query("SHOW TAG VALUES FROM \"disk\" WITH KEY = \"path\"", "e2e"))
        .contains("\"/\"");
    assertThat(influx.query("SHOW FIELD KEYS FROM \"disk\"", "e2e"))
        .contains("\"used_percent\"", "\"total\"", "\"free\"");
    assertThat(
            influx.query(
                "SELECT last(result_code) FROM net_response WHERE source='sshd' AND result='success'",
                "e2e"))
        .contains("\"last\"");
    assertThat(influx.query("SHOW FIELD KEYS FROM \"net_response\"", "e2e"))
        .contains("[\"response_time\",\"float\"]", "[\"result_code\",\"integer\"]");
    assertThat(
            influx.query(
                "SELECT last(http_response_code), last(response_string_match) FROM http_response"
                    + " WHERE source='web' AND status_code='200'",
                "e2e"))
        .contains("200", "1]");
    assertThat(influx.query("SHOW FIELD KEYS FROM \"ping\"", "e2e"))
        .contains("\"percent_packet_loss\"", "\"average_response_ms\"", "\"result_code\"");
    assertThat(influx.query("SHOW TAG VALUES FROM \"ravenwatch\" WITH KEY = \"component\"", "e2e"))
        .contains("\"influx\"");
  }
}
