package io.ravenwatch.probes.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.SnmpCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/** Turning agent answers into points, with tables built by hand (no agent needed). */
class HostMibTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final ProbeResources resources = new ProbeResources(Clock.fixed(NOW, ZoneOffset.UTC));
  private final ProbeContext ctx =
      SnmpTestTargets.context(
          SnmpTestTargets.target("10.0.0.1", SnmpCredentials.v2c("c", 161, "public")),
          "snmp",
          new SnmpHostProbe.Settings(true),
          resources,
          Duration.ofSeconds(1),
          0);

  private static SnmpTable.Row row(String index, Variable... values) {
    var list = new ArrayList<>(Arrays.asList(values));
    while (list.size() < 10) {
      list.add(null);
    }
    return new SnmpTable.Row(new OID(index), list);
  }

  @Test
  void reportsEveryProcessorAndTheirAverageFromHrProcessorLoad() {
    var table =
        new SnmpTable(List.of(row("196608", new Integer32(10)), row("196609", new Integer32(30))));

    List<Point> cpu = HostMib.cpu(ctx, NOW, table);
    Point system = HostMib.system(ctx, NOW, Map.of(), table);

    assertThat(cpu).extracting(p -> p.tag("cpu")).containsExactly("cpu0", "cpu1", "cpu-total");
    assertThat(cpu).extracting(p -> p.field("usage_active")).containsExactly(10.0, 30.0, 20.0);
    assertThat(system.field("n_cpus")).isEqualTo(2L);
  }

  @Test
  void leavesCpuOutWhileTheAgentHasNoProcessorLoadYet() {
    var table = new SnmpTable(List.of(row("1", null, new OctetString("lo"))));

    assertThat(HostMib.cpu(ctx, NOW, table)).isEmpty();
    Point system =
        HostMib.system(ctx, NOW, Map.of(HostMib.SYS_UPTIME, new TimeTicks(12_345)), table);
    assertThat(system.field("n_cpus")).isNull();
    assertThat(system.field("uptime")).isEqualTo(123L);
  }

  @Test
  void prefersHostUptimeToAgentUptimeAndParsesLoadStrings() {
    Map<OID, Variable> scalars =
        Map.of(
            HostMib.SYS_UPTIME, new TimeTicks(100),
            HostMib.HR_SYSTEM_UPTIME, new TimeTicks(360_000),
            HostMib.LA_LOAD_1, new OctetString("0.42"),
            HostMib.LA_LOAD_5, new OctetString("1.50"),
            HostMib.LA_LOAD_15, new OctetString("2.00"));

    Point system = HostMib.system(ctx, NOW, scalars, new SnmpTable(List.of()));

    assertThat(system.fields())
        .containsEntry("uptime", 3600L)
        .containsEntry("load1", 0.42)
        .containsEntry("load5", 1.5)
        .containsEntry("load15", 2.0);
  }

  @Test
  void estimatesAvailableMemoryFromFreeBuffersAndCacheWithoutMemAvailable() {
    Map<OID, Variable> scalars =
        Map.of(
            HostMib.MEM_TOTAL_REAL, new Integer32(1000),
            HostMib.MEM_AVAIL_REAL, new Integer32(100),
            HostMib.MEM_BUFFER, new Integer32(50),
            HostMib.MEM_CACHED, new Integer32(250));

    Point mem = HostMib.mem(ctx, NOW, scalars);

    assertThat(mem.fields())
        .containsEntry("total", 1_024_000L)
        .containsEntry("available", 409_600L)
        .containsEntry("used", 614_400L)
        .containsEntry("used_percent", 60.0);
  }

  @Test
  void prefersMemAvailableAnd64BitCounters() {
    Map<OID, Variable> scalars =
        Map.of(
            HostMib.MEM_TOTAL_REAL, new Integer32(1),
            HostMib.MEM_TOTAL_REAL_X, new Counter64(4_000_000_000L),
            HostMib.MEM_AVAIL_REAL, new Integer32(1),
            HostMib.MEM_SYS_AVAIL, new Counter64(1_000_000_000L));

    Point mem = HostMib.mem(ctx, NOW, scalars);

    assertThat(mem.fields())
        .containsEntry("total", 4_096_000_000_000L)
        .containsEntry("available", 1_024_000_000_000L)
        .containsEntry("used_percent", 75.0);
  }

  @Test
  void makesOneInterfacePointPerIfTableRowAndIgnoresProcessorRows() {
    var table =
        new SnmpTable(
            List.of(
                row(
                    "1",
                    null,
                    new OctetString("lo"),
                    new Integer32(1),
                    new Integer32(1),
                    new Gauge32(0),
                    new Gauge32(2),
                    new OctetString("lo"),
                    new Counter64(5000),
                    new Counter64(6000),
                    new Gauge32(10)),
                row("196608", new Integer32(5))));

    List<Point> interfaces = HostMib.interfaces(ctx, NOW, table, SnmpCredentials.Version.V2C);

    assertThat(interfaces).hasSize(1);
    Point lo = interfaces.getFirst();
    assertThat(lo.tags()).containsEntry("ifName", "lo").containsEntry("ifIndex", "1");
    assertThat(lo.tags()).containsAllEntriesOf(SnmpTestTargets.EXPECTED_TAGS);
    assertThat(lo.fields())
        .containsEntry("ifHCInOctets", 5000L)
        .containsEntry("ifHCOutOctets", 6000L)
        .containsEntry("ifOutErrors", 2L)
        .containsEntry("ifOperStatus", 1L)
        .containsEntry("ifHighSpeed", 10L);
  }
}
