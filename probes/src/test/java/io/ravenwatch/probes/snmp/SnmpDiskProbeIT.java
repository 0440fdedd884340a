package io.ravenwatch.probes.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.testkit.SnmpdServer;
import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code snmp_disk} probe against a real snmpd, compared with this machine's {@code /}. */
class SnmpDiskProbeIT {
  private static ProbeResources resources;

  @BeforeAll
  static void open() {
    resources = new ProbeResources(Clock.systemUTC());
  }

  @AfterAll
  static void close() {
    resources.close();
  }

  private static ProbeResult poll(SnmpdServer snmpd) throws InterruptedException {
    Target target =
        SnmpTestTargets.target(snmpd.host(), SnmpCredentials.v2c("v2c", snmpd.port(), "public"));
    var settings = new SnmpDiskProbe.Settings();
    return SnmpDiskProbe.TYPE
        .create(target, settings)
        .run(
            SnmpTestTargets.context(
                target, "snmp_disk", settings, resources, Duration.ofSeconds(2), 1));
  }

  private static List<Point> root(ProbeResult result) {
    return result.points().stream()
        .filter(p -> p.measurement().equals("disk") && "/".equals(p.tag("path")))
        .toList();
  }

  private static void assertMatchesRootFilesystem(Point disk) {
    long total = new File("/").getTotalSpace();
    assertThat(((Long) disk.field("total")).doubleValue()).isCloseTo(total, within(total * 0.03));
    long free = (Long) disk.field("free");
    long used = (Long) disk.field("used");
    assertThat(free).isBetween(0L, total);
    assertThat(used).isBetween(0L, total);
    assertThat((Double) disk.field("used_percent")).isBetween(0.0, 100.0);
    assertThat(disk.tags()).containsAllEntriesOf(SnmpTestTargets.EXPECTED_TAGS);
  }

  @Test
  void readsRootFromDskTableOnceWithDeviceAndInodes() throws InterruptedException {
    try (var snmpd = SnmpdServer.builder().community("public").disk("/").start()) {
      ProbeResult result = poll(snmpd);

      assertThat(result.ok()).as(result.reason()).isTrue();
      // dskTable and hrStorageTable both have "/": it is reported once, from dskTable.
      assertThat(root(result))
          .singleElement()
          .satisfies(
              disk -> {
                assertMatchesRootFilesystem(disk);
                assertThat(disk.tags()).containsKey("device");
                assertThat((Double) disk.field("inodes_used_percent")).isBetween(0.0, 100.0);
              });
    }
  }

  @Test
  void fallsBackToHrStorageWithoutDiskLines() throws InterruptedException {
    try (var snmpd = SnmpdServer.builder().community("public").start()) {
      ProbeResult result = poll(snmpd);

      assertThat(result.ok()).as(result.reason()).isTrue();
      assertThat(root(result))
          .singleElement()
          .satisfies(
              disk -> {
                assertMatchesRootFilesystem(disk);
                assertThat(disk.tags()).doesNotContainKey("device");
                assertThat(disk.fields()).doesNotContainKey("inodes_used_percent");
              });
    }
  }
}
