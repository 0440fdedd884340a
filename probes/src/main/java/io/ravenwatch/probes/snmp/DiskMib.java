package io.ravenwatch.probes.snmp;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * Disk usage from UCD-SNMP-MIB's dskTable (paths named by {@code disk} lines in snmpd.conf) and
 * HOST-RESOURCES-MIB's hrStorageTable (every fixed disk the agent sees), as Telegraf {@code disk}
 * points in bytes. dskTable rows win: they carry the device and inode usage; an hrStorage row is
 * only used for a path dskTable does not have.
 */
final class DiskMib {
  static final OID HR_STORAGE_FIXED_DISK = new OID("1.3.6.1.2.1.25.2.1.4");

  // Walk columns, in this order; both tables share one walk, each row has values in its own.
  static final List<OID> COLUMNS =
      SnmpClient.oids(
          "1.3.6.1.2.1.25.2.3.1.2", // hrStorageType
          "1.3.6.1.2.1.25.2.3.1.3", // hrStorageDescr (the mount point for disks)
          "1.3.6.1.2.1.25.2.3.1.4", // hrStorageAllocationUnits (bytes)
          "1.3.6.1.2.1.25.2.3.1.5", // hrStorageSize (units)
          "1.3.6.1.2.1.25.2.3.1.6", // hrStorageUsed (units)
          "1.3.6.1.4.1.2021.9.1.2", // dskPath
          "1.3.6.1.4.1.2021.9.1.3", // dskDevice
          "1.3.6.1.4.1.2021.9.1.6", // dskTotal (kB, 32-bit)
          "1.3.6.1.4.1.2021.9.1.7", // dskAvail
          "1.3.6.1.4.1.2021.9.1.8", // dskUsed
          "1.3.6.1.4.1.2021.9.1.10", // dskPercentNode (inodes used, %)
          "1.3.6.1.4.1.2021.9.1.11", // dskTotalLow
          "1.3.6.1.4.1.2021.9.1.12", // dskTotalHigh
          "1.3.6.1.4.1.2021.9.1.13", // dskAvailLow
          "1.3.6.1.4.1.2021.9.1.14", // dskAvailHigh
          "1.3.6.1.4.1.2021.9.1.15", // dskUsedLow
          "1.3.6.1.4.1.2021.9.1.16"); // dskUsedHigh

  private static final int HR_TYPE = 0;
  private static final int HR_DESCR = 1;
  private static final int HR_UNITS = 2;
  private static final int HR_SIZE = 3;
  private static final int HR_USED = 4;
  private static final int DSK_PATH = 5;
  private static final int DSK_DEVICE = 6;
  private static final int DSK_TOTAL = 7;
  private static final int DSK_AVAIL = 8;
  private static final int DSK_USED = 9;
  private static final int DSK_PERCENT_NODE = 10;
  private static final int DSK_TOTAL_LOW = 11;
  private static final int DSK_TOTAL_HIGH = 12;
  private static final int DSK_AVAIL_LOW = 13;
  private static final int DSK_AVAIL_HIGH = 14;
  private static final int DSK_USED_LOW = 15;
  private static final int DSK_USED_HIGH = 16;

  private DiskMib() {}

  /** One {@code disk} point per file system: dskTable rows, then hrStorage disks not yet seen. */
  static List<Point> disks(ProbeContext ctx, Instant time, SnmpTable table) {
    var points = new ArrayList<Point>();
    Set<String> seen = new HashSet<>();
    for (SnmpTable.Row row : table.rows()) {
      String path = SnmpValues.asString(row.get(DSK_PATH));
      Long total = kb(row, DSK_TOTAL_HIGH, DSK_TOTAL_LOW, DSK_TOTAL);
      Long free = kb(row, DSK_AVAIL_HIGH, DSK_AVAIL_LOW, DSK_AVAIL);
      Long used = kb(row, DSK_USED_HIGH, DSK_USED_LOW, DSK_USED);
      if (path == null || total == null || free == null || used == null || !seen.add(path)) {
        continue;
      }
      Long inodes = SnmpValues.asLong(row.get(DSK_PERCENT_NODE));
      points.add(
          disk(ctx, time, path, SnmpValues.asString(row.get(DSK_DEVICE)), total, free, used)
              .field(
                  "inodes_used_percent", inodes == null || inodes < 0 ? null : inodes.doubleValue())
              .build());
    }
    for (SnmpTable.Row row : table.rows()) {
      Variable type = row.get(HR_TYPE);
      String path = SnmpValues.asString(row.get(HR_DESCR));
      Long units = SnmpValues.asLong(row.get(HR_UNITS));
      Long size = SnmpValues.asLong(row.get(HR_SIZE));
      Long used = SnmpValues.asLong(row.get(HR_USED));
      if (!HR_STORAGE_FIXED_DISK.equals(type)
          || path == null
          || units == null
          || size == null
          || used == null
          || units <= 0
          || size <= 0
          || used < 0
          || !seen.add(path)) {
        continue;
      }
      long total = size * units;
      long usedBytes = Math.min(used * units, total);
      points.add(disk(ctx, time, path, null, total, total - usedBytes, usedBytes).build());
    }
    return points;
  }

  /** A dskTable size in bytes: the 64-bit High/Low pair when present, else the 32-bit column. */
  private static Long kb(SnmpTable.Row row, int high, int low, int legacy) {
    Long kb = SnmpValues.highLow(row.get(high), row.get(low));
    if (kb == null) {
      kb = SnmpValues.asLong(row.get(legacy));
    }
    return kb == null || kb < 0 ? null : kb * 1024;
  }

  private static Point.Builder disk(
      ProbeContext ctx,
      Instant time,
      String path,
      String device,
      long total,
      long free,
      long used) {
    // Telegraf's used_percent: used / (used + free), so blocks reserved for root do not count,
    // which is what df's Use% shows too.
    long usable = used + free;
    return ctx.point("disk", time)
        .tag("path", path)
        .tag("device", device)
        .field("total", total)
        .field("free", free)
        .field("used", used)
        .field("used_percent", usable == 0 ? 0.0 : 100.0 * used / usable);
  }
}
