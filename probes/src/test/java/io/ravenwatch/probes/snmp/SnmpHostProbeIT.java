package io.ravenwatch.probes.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.testkit.SnmpdServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code snmp} host-metrics probe against a real net-snmp snmpd serving this machine. */
class SnmpHostProbeIT {
  private static final String AUTH = "auth-pass-1";
  private static final String PRIV = "priv-pass-1";
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static SnmpdServer snmpd;
  private static ProbeResources resources;

  @BeforeAll
  static void startAgent() {
    snmpd =
        SnmpdServer.builder()
            .community("public")
            .v3User("sha256user", SnmpdServer.Auth.SHA_256, AUTH, PRIV)
            .v3User("sha1user", SnmpdServer.Auth.SHA, AUTH, PRIV)
            .start();
    resources = new ProbeResources(Clock.systemUTC());
  }

  @AfterAll
  static void stopAgent() {
    resources.close();
    snmpd.close();
  }

  private static ProbeResult poll(SnmpCredentials credentials, ProbeResources with, int retries)
      throws InterruptedException {
    Target target = SnmpTestTargets.target(snmpd.host(), credentials);
    var settings = new SnmpHostProbe.Settings(true);
    var probe = SnmpHostProbe.TYPE.create(target, settings);
    return probe.run(SnmpTestTargets.context(target, "snmp", settings, with, TIMEOUT, retries));
  }

  private static List<Point> measurement(ProbeResult result, String name) {
    return result.points().stream().filter(p -> p.measurement().equals(name)).toList();
  }

  private static void assertHostMetrics(ProbeResult result, String octetsField) {
    assertThat(result.ok()).as(result.reason()).isTrue();
    assertThat(result.points())
        .allSatisfy(p -> assertThat(p.tags()).containsAllEntriesOf(SnmpTestTargets.EXPECTED_TAGS));
    assertThat(measurement(result, "snmp"))
        .singleElement()
        .satisfies(p -> assertThat(p.field("result_code")).isEqualTo(0L));

    Point system = measurement(result, "system").getFirst();
    assertThat((Long) system.field("uptime")).isPositive();
    assertThat(system.fields()).containsKeys("load1", "load5", "load15");
    assertThat((Double) system.field("load1")).isNotNegative();
    // hrProcessorLoad only answers after the agent has run a minute: cpu is absent until then.
    if (system.field("n_cpus") != null) {
      assertThat(measurement(result, "cpu"))
          .hasSize(((Long) system.field("n_cpus")).intValue() + 1);
    } else {
      assertThat(measurement(result, "cpu")).isEmpty();
    }

    Point mem = measurement(result, "mem").getFirst();
    long total = (Long) mem.field("total");
    long available = (Long) mem.field("available");
    assertThat(total).isGreaterThan(64L << 20);
    assertThat(available).isBetween(0L, total);
    assertThat((Long) mem.field("used")).isEqualTo(total - available);
    assertThat((Double) mem.field("used_percent")).isBetween(0.0, 100.0);

    assertThat(measurement(result, "interface"))
        .filteredOn(p -> "lo".equals(p.tag("ifName")))
        .singleElement()
        .satisfies(
            lo -> {
              assertThat(lo.tags()).containsKeys("ifIndex", "ifDescr");
              assertThat((Long) lo.field(octetsField)).isPositive();
              assertThat(lo.fields())
                  .containsKeys("ifInErrors", "ifOutErrors", "ifAdminStatus", "ifHighSpeed")
                  .containsEntry("ifOperStatus", 1L);
            });
  }

  @Test
  void readsHostMetricsOverV2c() throws InterruptedException {
    ProbeResult result = poll(SnmpCredentials.v2c("v2c", snmpd.port(), "public"), resources, 1);

    assertHostMetrics(result, "ifHCInOctets");
  }

  @Test
  void readsHostMetricsOverV1WithoutCounter64() throws InterruptedException {
    ProbeResult result = poll(SnmpTestTargets.v1(snmpd.port(), "public"), resources, 1);

    assertHostMetrics(result, "ifInOctets");
  }

  @Test
  void readsHostMetricsOverV3WithSha256AndAes() throws InterruptedException {
    var credentials =
        SnmpTestTargets.v3(
            snmpd.port(), "sha256user", SnmpCredentials.AuthProtocol.SHA_256, AUTH, PRIV);

    assertHostMetrics(poll(credentials, resources, 1), "ifHCInOctets");
  }

  @Test
  void readsHostMetricsOverV3WithSha1AndAes() throws InterruptedException {
    var credentials =
        SnmpTestTargets.v3(snmpd.port(), "sha1user", SnmpCredentials.AuthProtocol.SHA, AUTH, PRIV);

    assertHostMetrics(poll(credentials, resources, 1), "ifHCInOctets");
  }

  @Test
  void reportsAWrongV3PasswordAsAnAuthenticationFailureNotATimeout() throws InterruptedException {
    var wrong =
        SnmpTestTargets.v3(
            snmpd.port(),
            "sha256user",
            SnmpCredentials.AuthProtocol.SHA_256,
            "not-the-password",
            PRIV);
    // Its own session: USM keeps one key per user name, and the right one is in the shared one.
    try (var own = new ProbeResources(Clock.systemUTC())) {
      ProbeResult result = poll(wrong, own, 2);

      assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
      assertThat(result.reason()).contains("wrong authentication password");
      assertThat(result.points())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.measurement()).isEqualTo("snmp");
                assertThat(p.field("result_code"))
                    .isEqualTo((long) SnmpFailure.Kind.AUTH.resultCode());
              });
    }
  }

  @Test
  void reportsATimeoutForADeadAgentWithinItsAttempts() throws Exception {
    int closedPort;
    try (var socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      closedPort = socket.getLocalPort();
    }
    var timeout = Duration.ofMillis(300);
    Target target =
        SnmpTestTargets.target("127.0.0.1", SnmpCredentials.v2c("dead", closedPort, "public"));
    var settings = new SnmpHostProbe.Settings(true);
    var ctx = SnmpTestTargets.context(target, "snmp", settings, resources, timeout, 1);

    ProbeResult result = SnmpHostProbe.TYPE.create(target, settings).run(ctx);

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(result.reason()).contains("no answer").contains("2 attempts of 300 ms");
    assertThat(result.points())
        .singleElement()
        .satisfies(p -> assertThat(p.field("result_code")).isEqualTo(1L));
    // It gives up after its attempts, within the run's budget: it does not hang.
    assertThat(result.elapsed()).isLessThan(ctx.spec().timing().budget().plusSeconds(1));
  }
}
