package io.ravenwatch.probes.ipmi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.api.Timing;
import io.ravenwatch.testkit.SnmpsimServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each shipped profile against its recording served by a real snmpsimd. */
class IpmiSensorProbeIT {
  private static final List<String> PROFILES =
      List.of("entity-sensor", "lm-sensors", "dell-idrac", "hpe-ilo", "supermicro");

  private static SnmpsimServer sim;
  private static ProbeResources resources;

  @BeforeAll
  static void start() {
    sim =
        SnmpsimServer.startWithResources(
            PROFILES.stream().map(p -> "ipmi-recordings/" + p + ".snmprec").toArray(String[]::new));
    resources = new ProbeResources(Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (resources != null) {
      resources.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  /** name|unit|value|status_code|status_desc|entity_id, value "-" when the agent gives none. */
  static Stream<Arguments> expectedSensors() {
    return Stream.of(
        Arguments.of(
            "entity-sensor",
            List.of(
                "cpu1_temp|degrees_c|45.0|ok|ok|10",
                "inlet_temp|degrees_c|23.4|ok|ok|11",
                "fan1|rpm|5400.0|ok|ok|20",
                "fan2|rpm|0.0|critical|nonoperational|21",
                "psu1_12v|volts|12.096|ok|ok|30",
                "psu2_input_power|watts|0.0|warning|unavailable|31",
                "ambient_temperature_sensor|degrees_c|21.5|ok|ok|40")),
        Arguments.of(
            "lm-sensors",
            List.of(
                "package_id_0|degrees_c|48.0|ok|ok|1",
                "core_0|degrees_c|85.5|warning|upper_warning|2",
                "core_1|degrees_c|97.0|critical|upper_critical|3",
                "temp1|degrees_c|27.8|ok|ok|4",
                "fan1|rpm|1250.0|ok|ok|1",
                "in0|volts|1.032|ok|ok|1",
                "+12v|volts|12.168|ok|ok|2")),
        Arguments.of(
            "dell-idrac",
            List.of(
                "system_board_inlet_temp|degrees_c|23.0|ok|ok|1.1",
                "system_board_exhaust_temp|degrees_c|41.0|warning|nonCriticalUpper|1.2",
                "cpu1_temp|degrees_c|93.0|critical|criticalUpper|1.3",
                "system_board_fan1a|rpm|5880.0|ok|ok|1.1",
                "system_board_fan2a|rpm|0.0|critical|failed|1.2",
                "cpu1_vcore_pg|volts|-|ok|ok|1.1",
                "ps1_voltage_1|volts|230.0|ok|ok|1.25",
                "ps1_current_1|amps|0.6|ok|ok|1.1",
                "system_board_pwr_consumption|watts|252.0|ok|ok|1.3")),
        Arguments.of(
            "hpe-ilo",
            List.of(
                "01-inlet_ambient|degrees_c|21.0|ok|ok|0.1",
                "02-cpu_1|degrees_c|40.0|ok|ok|0.2",
                "03-p1_dimm_1-6|degrees_c|71.0|warning|degraded|0.3",
                "04-cpu_2|degrees_c|100.0|critical|failed|0.4",
                "fan_1|percent|23.0|ok|ok|0.1",
                "fan_2|percent|0.0|critical|failed|0.2",
                "power_supply_1|watts|145.0|ok|ok|0.1",
                "power_supply_2|watts|0.0|critical|failed|0.2")),
        Arguments.of(
            "supermicro",
            List.of(
                "fan1|rpm|3700.0|ok|ok|1",
                "fan2|rpm|0.0|critical|critical|2",
                "cpu_temp|degrees_c|88.0|warning|warning|3",
                "system_temp|degrees_c|31.0|ok|ok|4",
                "12v|volts|12.192|ok|ok|5")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectedSensors")
  void readsEverySensorOfTheRecordingScaledAndNormalised(String profile, List<String> expected)
      throws InterruptedException {
    ProbeResult result = run(profile, profile, sim.port(), Duration.ofSeconds(2));

    assertThat(result.status()).as(result.reason()).isEqualTo(ProbeResult.Status.OK);
    assertThat(result.points())
        .extracting(IpmiSensorProbeIT::describe)
        .containsExactlyElementsOf(expected);
    assertThat(result.points())
        .allSatisfy(
            p -> {
              assertThat(p.measurement()).isEqualTo("ipmi_sensor");
              assertThat(p.tag("source")).isEqualTo("bmc1");
              assertThat(p.tag("region")).isEqualTo("eu-west");
              assertThat(p.tag("rack")).isEqualTo("r12");
              assertThat(p.field("status")).isEqualTo("ok".equals(p.tag("status_code")) ? 1L : 0L);
            });
    assertThat(result.points()).anyMatch(p -> "critical".equals(p.tag("status_code")));
  }

  @Test
  void writesTheProfilesFixedThresholdsBesideTheReading() throws InterruptedException {
    ProbeResult result = run("lm-sensors", "lm-sensors", sim.port(), Duration.ofSeconds(2));

    Point core =
        result.points().stream().filter(p -> "core_0".equals(p.tag("name"))).findFirst().get();
    assertThat(core.field("upper_warning")).isEqualTo(80.0);
    assertThat(core.field("upper_critical")).isEqualTo(95.0);
    assertThat(core.fields()).doesNotContainKeys("lower_warning", "lower_critical");
    Point fan =
        result.points().stream().filter(p -> "fan1".equals(p.tag("name"))).findFirst().get();
    assertThat(fan.fields()).containsOnlyKeys("value", "status");
  }

  @Test
  void writesEachSensorsOwnThresholdsFromTheBmcScaledLikeItsReading() throws InterruptedException {
    ProbeResult result = run("dell-idrac", "dell-idrac", sim.port(), Duration.ofSeconds(2));

    Point inlet =
        result.points().stream()
            .filter(p -> "system_board_inlet_temp".equals(p.tag("name")))
            .findFirst()
            .orElseThrow();
    assertThat(inlet.field("upper_critical")).isEqualTo(47.0);
    assertThat(inlet.field("upper_warning")).isEqualTo(42.0);
    assertThat(inlet.field("lower_warning")).isEqualTo(3.0);
    assertThat(inlet.field("lower_critical")).isEqualTo(-7.0);
    Point fan =
        result.points().stream()
            .filter(p -> "system_board_fan1a".equals(p.tag("name")))
            .findFirst()
            .orElseThrow();
    assertThat(fan.field("lower_critical")).isEqualTo(600.0);
    assertThat(fan.fields()).doesNotContainKeys("upper_critical", "upper_warning");
  }

  @Test
  void reportsTheMissingTablesWhenTheAgentLacksTheProfile() throws InterruptedException {
    // the lm-sensors recording has none of iDRAC's tables
    ProbeResult result = run("dell-idrac", "lm-sensors", sim.port(), Duration.ofSeconds(2));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(result.reason())
        .isEqualTo(
            "agent has no temperature (1.3.6.1.4.1.674.10892.5.4.700.20.1),"
                + " fans (1.3.6.1.4.1.674.10892.5.4.700.12.1) table of profile dell-idrac");
    assertThat(result.points()).isEmpty();
  }

  @Test
  void reportsTimeoutForDeadAgent() throws Exception {
    int deadPort;
    try (var s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      deadPort = s.getLocalPort();
    }

    ProbeResult result = run("supermicro", "supermicro", deadPort, Duration.ofMillis(200));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(result.reason())
        .isEqualTo("no answer from 127.0.0.1:" + deadPort + " after 2 attempts of 200 ms");
  }

  private static ProbeResult run(String profile, String community, int port, Duration timeout)
      throws InterruptedException {
    var settings = new IpmiSensorProbe.Settings(profile);
    var spec =
        new ProbeSpec(
            "ipmi_sensor", "ipmi_sensor", new Timing(Duration.ofSeconds(30), timeout, 1), settings);
    var target =
        new Target(
            "bmc1",
            Target.Kind.HOST,
            "127.0.0.1",
            "eu-west",
            "",
            "",
            Map.of("rack", "r12"),
            "",
            Optional.of(SnmpCredentials.v2c("bmc", port, community)),
            List.of(spec));
    Probe probe = IpmiSensorProbe.TYPE.create(target, settings);
    var context =
        new ProbeContext(
            target, spec, resources, Clock.systemUTC().instant().plus(spec.timing().budget()));
    return probe.run(context);
  }

  private static String describe(Point p) {
    Object value = p.field("value");
    return String.join(
        "|",
        p.tag("name"),
        p.tag("unit"),
        value == null ? "-" : String.valueOf(Math.round((Double) value * 1e6) / 1e6),
        p.tag("status_code"),
        p.tag("status_desc"),
        p.tag("entity_id"));
  }
}
