package io.ravenwatch.bot.dashboards;

import static io.ravenwatch.bot.dashboards.DashboardQueryRunner.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.lifecycle.AlertRecord;
import io.ravenwatch.bot.Ravenwatch;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.bot.chat.ChatCore;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.audit.AuditSinks;
import io.ravenwatch.bot.console.ConsoleChat;
import io.ravenwatch.bot.dashboards.Dashboards.Dashboard;
import io.ravenwatch.testkit.InfluxServer;
import io.ravenwatch.testkit.SnmpdServer;
import io.ravenwatch.testkit.SnmpsimServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of every shipped dashboard — each panel target, template variable and annotation —
 * expanded as Grafana expands it and run against a real InfluxDB that real probe runs filled: snmpd
 * and an snmpsim Linux host (system, CPU, memory, disks, interfaces), snmpsim IPMI recordings (Dell
 * iDRAC, LM-SENSORS), a local HTTP(S) server, a TCP service that goes down and comes back (one
 * alert fired, acknowledged from the console chat, resolved), ping, and Ravenwatch's self-metrics.
 * A query that names a measurement, tag or field nothing writes returns no series and fails. The
 * panels of the "Containers and orchestration" row need a Docker engine and a Kubernetes API:
 * {@link ContainerDashboardIT} runs them.
 */
class DashboardQueriesIT {
  private static final String DB = "dashboards";

  /** Template variable values per dashboard uid: each must be one the variable's query offers. */
  private static final Map<String, Map<String, List<String>>> VALUES =
      Map.of(
          "ravenwatch-overview", vars(List.of("eu-west"), GrafanaMacros.ALL, GrafanaMacros.ALL),
          "ravenwatch-host", vars(List.of("eu-west"), List.of("servers"), List.of("db1")),
          "ravenwatch-ipmi", vars(List.of("eu-west"), List.of("bmc"), List.of("bmc1", "bmc2")),
          "ravenwatch-services", vars(List.of("eu-west"), List.of("web"), List.of("web", "api")),
          "ravenwatch-incidents", vars(List.of("eu-west"), List.of("web"), List.of("api")));

  /** Communities are secrets: the configuration names them as environment variables. */
  private static final Map<String, String> ENV =
      Map.of(
          "LAB_COMMUNITY", "dash",
          "LINUX_COMMUNITY", "linux-host",
          "IDRAC_COMMUNITY", "dell-idrac",
          "LM_COMMUNITY", "lm-sensors");

  @TempDir static Path dir;

  private static InfluxServer influx;
  private static SnmpdServer snmpd;
  private static SnmpsimServer snmpsim;
  private static HttpServer http;
  private static HttpsServer https;
  private static ServerSocket api;
  private static int apiPort;

  @BeforeAll
  static void startServers() throws Exception {
    influx = InfluxServer.launch();
    influx.createDatabase(DB);
    snmpd = SnmpdServer.builder().community("dash").disk("/").start();
    var recordings = new LinkedHashMap<String, String>();
    recordings.put("linux-host", resource("dashboards/linux-host.snmprec"));
    for (String p : List.of("dell-idrac", "lm-sensors")) {
      recordings.put(
          p,
          Files.readString(
              Path.of(
                  "..", "probes", "src", "test", "resources", "ipmi-recordings", p + ".snmprec")));
    }
    snmpsim = SnmpsimServer.start(recordings);
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/health", ok());
    http.start();
    https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
    https.createContext("/", ok());
    https.start();
    try (var free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      apiPort = free.getLocalPort(); // closed until the test opens it: the service starts down
    }
  }

  @AfterAll
  static void stopServers() throws IOException {
    if (api != null) {
      api.close();
    }
    for (var s : new com.sun.net.httpserver.HttpServer[] {http, https}) {
      if (s != null) {
        s.stop(0);
      }
    }
    for (AutoCloseable c : new AutoCloseable[] {snmpsim, snmpd, influx}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // best effort
      }
    }
  }

  @Test
  void everyDashboardQueryReturnsDataFromRealProbeRuns() throws Exception {
    List<Dashboard> dashboards = Dashboards.all();
    try (var app = Ravenwatch.start(Setup.load(writeConfig(), ENV), Clock.systemUTC(), List.of())) {
      AlertEngine engine = app.alerts().orElseThrow();
      AlertRecord down =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> serviceDown(engine), Optional::isPresent)
              .orElseThrow();
      // Acknowledged from the console chat: an ack point and a chat-action annotation.
      String said = chat(app, "/ack alert:" + down.fingerprint() + " note:\"looking into it\"");
      assertThat(engine.acks().list())
          .as(said)
          .anySatisfy(a -> assertThat(a.fingerprint()).isEqualTo(down.fingerprint()));
      openApi();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> serviceDown(engine).isEmpty() && resolved(engine));

      // Rates need two intervals of data, self-metrics come every 10 s: wait until all answer.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(emptyQueries(dashboards)).isEmpty());
    }
  }

  private static Optional<AlertRecord> serviceDown(AlertEngine engine) {
    return engine.alerts().stream()
        .filter(a -> a.rule().equals("service_down_tcp") && a.state() == AlertState.FIRING)
        .findFirst();
  }

  private static boolean resolved(AlertEngine engine) {
    return engine.alerts().stream()
        .anyMatch(a -> a.rule().equals("service_down_tcp") && a.state() == AlertState.RESOLVED);
  }

  /** Each failing query but those of the container row, which {@link ContainerDashboardIT} runs. */
  private static List<String> emptyQueries(List<Dashboard> dashboards) {
    var runner = DashboardQueryRunner.everyColumn(influx, DB);
    var failures = new ArrayList<String>();
    for (Dashboard d : dashboards) {
      Map<String, List<String>> values = VALUES.get(d.uid());
      assertThat(values).as("variable values for " + d.uid()).isNotNull();
      failures.addAll(runner.failures(d, values, q -> !q.row().equals(ContainerDashboardIT.ROW)));
    }
    return failures;
  }

  private static Path writeConfig() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("fast.yml"), "override:\n  service_down_tcp: {for: 1s}\n");
    Path file = dir.resolve("ravenwatch.yml");
    Files.writeString(
        file,
        """
        data_dir: data
        influxdb: {url: "%s", database: %s, flush_interval: 200ms}
        defaults: {interval: 1s, timeout: 1s, retries: 0}
        snmp_credentials:
          lab: {version: 2c, community: "${LAB_COMMUNITY}", port: %d}
          linux: {version: 2c, community: "${LINUX_COMMUNITY}", port: %d}
          idrac: {version: 2c, community: "${IDRAC_COMMUNITY}", port: %d}
          lm: {version: 2c, community: "${LM_COMMUNITY}", port: %d}
        hosts:
          lab1:
            address: 127.0.0.1
            region: eu-west
            group: servers
            snmp: lab
            probes: [{type: ping, count: 1}, {type: snmp}, {type: snmp_disk}, {type: disk, paths: [/]}]
          db1:
            address: 127.0.0.1
            region: eu-west
            group: servers
            snmp: linux
            probes: [{type: ping, count: 1}, {type: snmp}, {type: snmp_disk}]
          bmc1: {address: 127.0.0.1, region: eu-west, group: bmc, snmp: idrac,
                 probes: [{type: ipmi_sensor, profile: dell-idrac}]}
          bmc2: {address: 127.0.0.1, region: eu-west, group: bmc, snmp: lm,
                 probes: [{type: ipmi_sensor, profile: lm-sensors}]}
        services:
          web:
            region: eu-west
            group: web
            probes:
              - {type: http_response, url: "http://127.0.0.1:%d/health", body_regex: "ok"}
              - {type: x509_cert, url: "https://127.0.0.1:%d/"}
          api:
            address: 127.0.0.1
            region: eu-west
            group: web
            probes: [{type: ping, count: 1}, {type: net_response, port: %d}]
        alerts:
          rules_dir: rules
          route: {group_wait: 0s, group_interval: 1s, receivers: [log]}
          receivers: {log: {type: console}}
        """
            .formatted(
                influx.url(),
                DB,
                snmpd.port(),
                snmpsim.port(),
                snmpsim.port(),
                snmpsim.port(),
                http.getAddress().getPort(),
                https.getAddress().getPort(),
                apiPort));
    return file;
  }

  /** Types a command into the console chat, audited to InfluxDB as a chat-action annotation. */
  private static String chat(Ravenwatch app, String line) {
    var setup = Setup.load(dir.resolve("ravenwatch.yml"), ENV);
    var core =
        ChatCore.assemble(
            setup.discord(),
            CommandRegistry.standard(app.botContext()),
            List.of(AuditSinks.influx(app.writer()::write)),
            Clock.systemUTC());
    var out = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream((line + "\nquit\n").getBytes(StandardCharsets.UTF_8));
    new ConsoleChat(
            core.dispatcher(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            dir.resolve("chat-files"))
        .run(in);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void openApi() throws IOException {
    api = new ServerSocket(apiPort, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!api.isClosed()) {
                try (Socket s = api.accept()) {
                  s.getOutputStream().write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                  // closed by the test or the probe
                }
              }
            });
  }

  private static com.sun.net.httpserver.HttpHandler ok() {
    return exchange -> {
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    };
  }

  /** A self-signed certificate made with the JDK's keytool (no extra library needed). */
  private static SSLContext selfSigned() throws Exception {
    Path store = dir.resolve("web.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "web",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=web.example.test",
                "-validity",
                "30",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("keytool: " + output).isZero();
    var ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    var ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DashboardQueriesIT.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
