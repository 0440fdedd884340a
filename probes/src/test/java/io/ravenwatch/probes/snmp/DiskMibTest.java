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
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

/** dskTable and hrStorageTable rows into {@code disk} points, with tables built by hand. */
class DiskMibTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final ProbeContext ctx =
      SnmpTestTargets.context(
          SnmpTestTargets.target("10.0.0.1", SnmpCredentials.v2c("c", 161, "public")),
          "snmp_disk",
          new SnmpDiskProbe.Settings(),
          new ProbeResources(Clock.fixed(NOW, ZoneOffset.UTC)),
          Duration.ofSeconds(1),
          0);

  private static SnmpTable.Row hrStorage(
      String index, OID type, String descr, int units, int size, int used) {
    var values = new ArrayList<Variable>(Collections.nCopies(17, null));
    values.set(0, type);
    values.set(1, new OctetString(descr));
    values.set(2, new Integer32(units));
    values.set(3, new Integer32(size));
    values.set(4, new Integer32(used));
    return new SnmpTable.Row(new OID(index), values);
  }

  private static SnmpTable.Row dsk(
      String index, String path, long totalKb, long availKb, long usedKb) {
    var values = new ArrayList<Variable>(Collections.nCopies(17, null));
    values.set(5, new OctetString(path));
    values.set(6, new OctetString("/dev/sda1"));
    values.set(7, new Integer32(Integer.MAX_VALUE)); // 32-bit column saturates on big disks
    values.set(8, new Integer32(Integer.MAX_VALUE));
    values.set(9, new Integer32(Integer.MAX_VALUE));
    values.set(10, new Integer32(7));
    values.set(11, new Gauge32(totalKb & 0xffffffffL));
    values.set(12, new Gauge32(totalKb >>> 32));
    values.set(13, new Gauge32(availKb & 0xffffffffL));
    values.set(14, new Gauge32(availKb >>> 32));
    values.set(15, new Gauge32(usedKb & 0xffffffffL));
    values.set(16, new Gauge32(usedKb >>> 32));
    return new SnmpTable.Row(new OID(index), values);
  }

  @Test
  void prefersDskTableRowsWith64BitSizesAndDoesNotCountAPathTwice() {
    long tenTb = 10L << 30; // kB
    var table =
        new SnmpTable(
            List.of(
                dsk("1", "/", tenTb, tenTb / 4, tenTb / 2),
                hrStorage("31", DiskMib.HR_STORAGE_FIXED_DISK, "/", 4096, 1000, 500)));

    List<Point> disks = DiskMib.disks(ctx, NOW, table);

    assertThat(disks).hasSize(1);
    Point root = disks.getFirst();
    assertThat(root.tags()).containsEntry("path", "/").containsEntry("device", "/dev/sda1");
    assertThat(root.fields())
        .containsEntry("total", tenTb * 1024)
        .containsEntry("free", tenTb / 4 * 1024)
        .containsEntry("used", tenTb / 2 * 1024)
        .containsEntry("inodes_used_percent", 7.0);
    assertThat((Double) root.field("used_percent"))
        .isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void usesHrStorageFixedDisksOnlyForPathsDskTableLacks() {
    var table =
        new SnmpTable(
            List.of(
                hrStorage("1", new OID("1.3.6.1.2.1.25.2.1.2"), "Physical memory", 1024, 1000, 10),
                hrStorage("31", DiskMib.HR_STORAGE_FIXED_DISK, "/data", 4096, 1000, 250)));

    List<Point> disks = DiskMib.disks(ctx, NOW, table);

    assertThat(disks)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.tags()).containsEntry("path", "/data").doesNotContainKey("device");
              assertThat(d.fields())
                  .containsEntry("total", 4_096_000L)
                  .containsEntry("used", 1_024_000L)
                  .containsEntry("free", 3_072_000L)
                  .containsEntry("used_percent", 25.0)
                  .doesNotContainKey("inodes_used_percent");
            });
  }
}
