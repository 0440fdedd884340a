package io.ravenwatch.probes.snmp;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.SnmpCredentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * The objects a host-metrics poll asks for (SNMPv2-MIB, HOST-RESOURCES-MIB, UCD-SNMP-MIB, IF-MIB)
 * and how their values become Telegraf's {@code system}, {@code cpu}, {@code mem} and {@code
 * interface} points. Pure functions of what the agent answered, so they are tested without an
 * agent.
 */
final class HostMib {
  static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");
  static final OID HR_SYSTEM_UPTIME = new OID("1.3.6.1.2.1.25.1.1.0");
  static final OID LA_LOAD_1 = new OID("1.3.6.1.4.1.2021.10.1.3.1");
  static final OID LA_LOAD_5 = new OID("1.3.6.1.4.1.2021.10.1.3.2");
  static final OID LA_LOAD_15 = new OID("1.3.6.1.4.1.2021.10.1.3.3");
  // UCD-SNMP-MIB memory, in kB: 32-bit Integer32 objects, then their 64-bit (…X) twins.
  static final OID MEM_TOTAL_REAL = new OID("1.3.6.1.4.1.2021.4.5.0");
  static final OID MEM_AVAIL_REAL = new OID("1.3.6.1.4.1.2021.4.6.0");
  static final OID MEM_BUFFER = new OID("1.3.6.1.4.1.2021.4.14.0");
  static final OID MEM_CACHED = new OID("1.3.6.1.4.1.2021.4.15.0");
  static final OID MEM_TOTAL_REAL_X = new OID("1.3.6.1.4.1.2021.4.20.0");
  static final OID MEM_AVAIL_REAL_X = new OID("1.3.6.1.4.1.2021.4.21.0");
  static final OID MEM_BUFFER_X = new OID("1.3.6.1.4.1.2021.4.25.0");
  static final OID MEM_CACHED_X = new OID("1.3.6.1.4.1.2021.4.26.0");

  /** The kernel's MemAvailable (net-snmp 5.8+), which is what Telegraf's mem.available reports. */
  static final OID MEM_SYS_AVAIL = new OID("1.3.6.1.4.1.2021.4.27.0");

  // Walk columns, in this order; the index of each in a row of the walked table.
  static final int HR_PROCESSOR_LOAD = 0;
  static final int IF_DESCR = 1;
  static final int IF_ADMIN_STATUS = 2;
  static final int IF_OPER_STATUS = 3;
  static final int IF_IN_ERRORS = 4;
  static final int IF_OUT_ERRORS = 5;
  static final int IF_NAME = 6;
  static final int IF_IN_OCTETS = 7; // ifHCInOctets, or ifInOctets over v1 (no Counter64)
  static final int IF_OUT_OCTETS = 8;
  static final int IF_HIGH_SPEED = 9;

  private HostMib() {}

  /** The scalars of one GET. v1 has no Counter64, so the 64-bit twins are left out there. */
  static List<OID> scalars(SnmpCredentials.Version version) {
    var oids =
        new ArrayList<>(
            List.of(
                SYS_UPTIME,
                HR_SYSTEM_UPTIME,
                LA_LOAD_1,
                LA_LOAD_5,
                LA_LOAD_15,
                MEM_TOTAL_REAL,
                MEM_AVAIL_REAL,
                MEM_BUFFER,
                MEM_CACHED));
    if (version != SnmpCredentials.Version.V1) {
      oids.addAll(
          List.of(MEM_TOTAL_REAL_X, MEM_AVAIL_REAL_X, MEM_BUFFER_X, MEM_CACHED_X, MEM_SYS_AVAIL));
    }
    return List.copyOf(oids);
  }

  /**
   * The columns of one walk: hrProcessorLoad and, when asked, ifTable + ifXTable. Tables with
   * different indexes can share a walk: each row only has values in its own table's columns.
   */
  static List<OID> columns(SnmpCredentials.Version version, boolean interfaces) {
    if (!interfaces) {
      return List.of(new OID("1.3.6.1.2.1.25.3.3.1.2"));
    }
    boolean v1 = version == SnmpCredentials.Version.V1;
    return SnmpClient.oids(
        "1.3.6.1.2.1.25.3.3.1.2",
        "1.3.6.1.2.1.2.2.1.2",
        "1.3.6.1.2.1.2.2.1.7",
        "1.3.6.1.2.1.2.2.1.8",
        "1.3.6.1.2.1.2.2.1.14",
        "1.3.6.1.2.1.2.2.1.20",
        "1.3.6.1.2.1.31.1.1.1.1",
        v1 ? "1.3.6.1.2.1.2.2.1.10" : "1.3.6.1.2.1.31.1.1.1.6",
        v1 ? "1.3.6.1.2.1.2.2.1.16" : "1.3.6.1.2.1.31.1.1.1.10",
        "1.3.6.1.2.1.31.1.1.1.15");
  }

  /** {@code system}: uptime, load averages and, once the agent reports processors, n_cpus. */
  static Point system(ProbeContext ctx, Instant time, Map<OID, Variable> s, SnmpTable table) {
    // hrSystemUptime is the host's uptime (what Telegraf reports); sysUpTime only the agent's.
    Long ticks = SnmpValues.asLong(s.get(HR_SYSTEM_UPTIME));
    if (ticks == null) {
      ticks = SnmpValues.asLong(s.get(SYS_UPTIME));
    }
    int cpus = processorLoads(table).size();
    return ctx.point("system", time)
        .field("uptime", ticks == null ? null : ticks / 100)
        .field("load1", SnmpValues.asDouble(s.get(LA_LOAD_1)))
        .field("load5", SnmpValues.asDouble(s.get(LA_LOAD_5)))
        .field("load15", SnmpValues.asDouble(s.get(LA_LOAD_15)))
        .field("n_cpus", cpus == 0 ? null : (long) cpus)
        .build();
  }

  /**
   * {@code cpu}: one point per processor ({@code cpu=cpuN}, in index order) and {@code cpu-total},
   * their average. Empty while the agent has no hrProcessorLoad rows (its first minute).
   */
  static List<Point> cpu(ProbeContext ctx, Instant time, SnmpTable table) {
    List<Long> loads = processorLoads(table);
    if (loads.isEmpty()) {
      return List.of();
    }
    var points = new ArrayList<Point>(loads.size() + 1);
    double sum = 0;
    for (int i = 0; i < loads.size(); i++) {
      sum += loads.get(i);
      points.add(
          ctx.point("cpu", time)
              .tag("cpu", "cpu" + i)
              .field("usage_active", loads.get(i).doubleValue())
              .build());
    }
    points.add(
        ctx.point("cpu", time)
            .tag("cpu", "cpu-total")
            .field("usage_active", sum / loads.size())
            .build());
    return points;
  }

  private static List<Long> processorLoads(SnmpTable table) {
    var loads = new ArrayList<Long>();
    for (SnmpTable.Row row : table.rows()) {
      Long load = SnmpValues.asLong(row.get(HR_PROCESSOR_LOAD));
      if (load != null) {
        loads.add(load);
      }
    }
    return loads;
  }

  /** {@code mem} in bytes, or {@code null} when the agent has no UCD memory objects. */
  static Point mem(ProbeContext ctx, Instant time, Map<OID, Variable> s) {
    Long totalKb = either(s, MEM_TOTAL_REAL_X, MEM_TOTAL_REAL);
    if (totalKb == null || totalKb <= 0) {
      return null;
    }
    Long availableKb = SnmpValues.asLong(s.get(MEM_SYS_AVAIL));
    if (availableKb == null) {
      // Older agents: free + buffers + page cache, the usual estimate before MemAvailable.
      Long free = either(s, MEM_AVAIL_REAL_X, MEM_AVAIL_REAL);
      Long buffers = either(s, MEM_BUFFER_X, MEM_BUFFER);
      Long cached = either(s, MEM_CACHED_X, MEM_CACHED);
      availableKb =
          free == null
              ? null
              : free + (buffers == null ? 0 : buffers) + (cached == null ? 0 : cached);
    }
    long total = totalKb * 1024;
    var point = ctx.point("mem", time).field("total", total);
    if (availableKb != null) {
      long available = Math.min(availableKb * 1024, total);
      long used = total - available;
      point
          .field("available", available)
          .field("used", used)
          .field("used_percent", 100.0 * used / total);
    }
    return point.build();
  }

  private static Long either(Map<OID, Variable> s, OID preferred, OID fallback) {
    Long v = SnmpValues.asLong(s.get(preferred));
    return v != null ? v : SnmpValues.asLong(s.get(fallback));
  }

  /** {@code interface}: one point per ifTable/ifXTable row, Telegraf's SNMP table style. */
  static List<Point> interfaces(
      ProbeContext ctx, Instant time, SnmpTable table, SnmpCredentials.Version version) {
    boolean v1 = version == SnmpCredentials.Version.V1;
    var points = new ArrayList<Point>();
    for (SnmpTable.Row row : table.rows()) {
      Point.Builder p =
          ctx.point("interface", time)
              .field("ifOperStatus", SnmpValues.asLong(row.get(IF_OPER_STATUS)))
              .field("ifAdminStatus", SnmpValues.asLong(row.get(IF_ADMIN_STATUS)))
              .field("ifInErrors", SnmpValues.asLong(row.get(IF_IN_ERRORS)))
              .field("ifOutErrors", SnmpValues.asLong(row.get(IF_OUT_ERRORS)))
              .field(v1 ? "ifInOctets" : "ifHCInOctets", SnmpValues.asLong(row.get(IF_IN_OCTETS)))
              .field(
                  v1 ? "ifOutOctets" : "ifHCOutOctets", SnmpValues.asLong(row.get(IF_OUT_OCTETS)))
              .field("ifHighSpeed", SnmpValues.asLong(row.get(IF_HIGH_SPEED)));
      if (!p.hasFields()) {
        continue; // an hrProcessorLoad row, not an interface
      }
      points.add(
          p.tag("ifIndex", row.index().toString())
              .tag("ifName", SnmpValues.asString(row.get(IF_NAME)))
              .tag("ifDescr", SnmpValues.asString(row.get(IF_DESCR)))
              .build());
    }
    return points;
  }
}
