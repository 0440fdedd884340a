package io.ravenwatch.probes.ipmi;

import io.ravenwatch.probes.ipmi.IpmiProfile.Code;
import io.ravenwatch.probes.ipmi.IpmiProfile.Scale;
import io.ravenwatch.probes.ipmi.IpmiProfile.SensorTable;
import io.ravenwatch.probes.ipmi.IpmiProfile.Status;
import io.ravenwatch.probes.ipmi.IpmiProfile.ThresholdColumns;
import io.ravenwatch.probes.ipmi.IpmiProfile.Thresholds;
import io.ravenwatch.probes.ipmi.IpmiProfile.UnitSource;
import io.ravenwatch.probes.snmp.SnmpTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/** Turns the walked rows of one profile table into {@link SensorReading}s; pure, no I/O. */
final class SensorRows {
  static final Status OK = new Status(Code.OK, "ok");

  private SensorRows() {}

  /** The columns of the sensor table to walk, in the order {@link #read} expects them. */
  static List<Integer> columns(SensorTable t) {
    var cols = new LinkedHashSet<Integer>();
    if (t.name().table() == null) {
      cols.add(t.name().column());
      cols.add(t.name().fallbackColumn());
    }
    cols.add(t.readingColumn());
    cols.add(t.unit().column());
    cols.add(t.scale().exponentColumn());
    cols.add(t.scale().precisionColumn());
    cols.add(t.status() == null ? 0 : t.status().column());
    cols.add(t.entityColumn());
    cols.add(t.skip() == null ? 0 : t.skip().column());
    ThresholdColumns tc = t.thresholdColumns();
    if (tc != null) {
      cols.addAll(
          List.of(tc.warningAbove(), tc.criticalAbove(), tc.warningBelow(), tc.criticalBelow()));
    }
    cols.remove(0);
    return List.copyOf(cols);
  }

  /** The columns of the name table to walk, when names come from another table. */
  static List<Integer> nameColumns(SensorTable t) {
    var cols = new LinkedHashSet<Integer>();
    cols.add(t.name().column());
    cols.add(t.name().fallbackColumn());
    cols.remove(0);
    return List.copyOf(cols);
  }

  /**
   * Reads every row of {@code rows} (walked with {@link #columns}); {@code names} holds the rows of
   * the name table by index (walked with {@link #nameColumns}), empty when names are local.
   */
  static List<SensorReading> read(SensorTable t, SnmpTable rows, Map<OID, SnmpTable.Row> names) {
    List<Integer> cols = columns(t);
    var readings = new ArrayList<SensorReading>();
    for (SnmpTable.Row row : rows.rows()) {
      var r = new RowView(cols, row);
      if (t.skip() != null && t.skip().values().contains(r.text(t.skip().column()))) {
        continue;
      }
      Double value = scaled(t.scale(), r.number(t.readingColumn()), r);
      Thresholds limits = thresholds(t, r);
      Status status = status(t, r, value, limits);
      String entity =
          t.entityColumn() == 0 ? row.index().toDottedString() : r.text(t.entityColumn());
      readings.add(
          new SensorReading(
              SensorReading.normaliseName(name(t, row, r, names)),
              unit(t.unit(), r),
              value,
              status,
              entity == null ? row.index().toDottedString() : entity,
              limits));
    }
    return readings;
  }

  private static String name(
      SensorTable t, SnmpTable.Row row, RowView r, Map<OID, SnmpTable.Row> names) {
    RowView source = r;
    if (t.name().table() != null) {
      SnmpTable.Row other = names.get(row.index());
      source = other == null ? null : new RowView(nameColumns(t), other);
    }
    String name = source == null ? null : source.text(t.name().column());
    if ((name == null || name.isBlank()) && source != null && t.name().fallbackColumn() != 0) {
      name = source.text(t.name().fallbackColumn());
    }
    if (name == null || name.isBlank()) {
      // A sensor must have a name to be a series; its table and index identify it.
      return t.label() + "_" + row.index().toDottedString();
    }
    return t.name().prefix() + name;
  }

  private static String unit(UnitSource u, RowView r) {
    if (u.fixed() != null) {
      return u.fixed();
    }
    String key = r.text(u.column());
    return key == null ? u.fallback() : u.map().getOrDefault(key, u.fallback());
  }

  /** {@code raw × multiplier ÷ divisor × 10^exponent ÷ 10^precision}, or null without a reading. */
  static Double scaled(Scale s, Double raw, RowView r) {
    if (raw == null) {
      return null;
    }
    double v = raw * s.multiplier() / s.divisor();
    if (s.exponentColumn() != 0) {
      String key = r.text(s.exponentColumn());
      v *= Math.pow(10, key == null ? 0 : s.exponents().getOrDefault(key, 0));
    }
    if (s.precisionColumn() != 0) {
      Double precision = r.number(s.precisionColumn());
      v /= Math.pow(10, precision == null ? 0 : precision);
    }
    return v;
  }

  /** The row's limits: its own columns' values (scaled), else the table's fixed ones. */
  static Thresholds thresholds(SensorTable t, RowView r) {
    Thresholds fixed = t.thresholds();
    ThresholdColumns tc = t.thresholdColumns();
    if (tc == null) {
      return fixed;
    }
    Thresholds own =
        new Thresholds(
            limit(t, r, tc.warningAbove(), fixed == null ? null : fixed.warningAbove()),
            limit(t, r, tc.criticalAbove(), fixed == null ? null : fixed.criticalAbove()),
            limit(t, r, tc.warningBelow(), fixed == null ? null : fixed.warningBelow()),
            limit(t, r, tc.criticalBelow(), fixed == null ? null : fixed.criticalBelow()));
    return own.equals(new Thresholds(null, null, null, null)) ? null : own;
  }

  private static Double limit(SensorTable t, RowView r, int column, Double fallback) {
    Double raw = column == 0 ? null : r.number(column);
    return raw == null ? fallback : scaled(t.scale(), raw, r);
  }

  /** The status column's mapped value, made worse (never better) by fixed thresholds. */
  static Status status(SensorTable t, RowView r, Double value) {
    return status(t, r, value, t.thresholds());
  }

  /** The status column's mapped value, made worse (never better) by the row's limits. */
  static Status status(SensorTable t, RowView r, Double value, Thresholds th) {
    Status s = OK;
    if (t.status() != null) {
      String key = r.text(t.status().column());
      s =
          key == null
              ? new Status(Code.WARNING, "no_status")
              : t.status().map().getOrDefault(key, new Status(Code.WARNING, "unmapped_" + key));
    }
    if (th != null && value != null) {
      Status byLimit = OK;
      if (th.criticalAbove() != null && value >= th.criticalAbove()) {
        byLimit = new Status(Code.CRITICAL, "upper_critical");
      } else if (th.criticalBelow() != null && value <= th.criticalBelow()) {
        byLimit = new Status(Code.CRITICAL, "lower_critical");
      } else if (th.warningAbove() != null && value >= th.warningAbove()) {
        byLimit = new Status(Code.WARNING, "upper_warning");
      } else if (th.warningBelow() != null && value <= th.warningBelow()) {
        byLimit = new Status(Code.WARNING, "lower_warning");
      }
      if (byLimit.code().compareTo(s.code()) > 0) {
        s = byLimit;
      }
    }
    return s;
  }

  /** A row's values by column number. */
  record RowView(List<Integer> columns, SnmpTable.Row row) {

    Variable get(int column) {
      int i = columns.indexOf(column);
      return i < 0 ? null : row.get(i);
    }

    /** The value as text: the number for integers, the string for octet strings. */
    String text(int column) {
      Variable v = get(column);
      if (v == null) {
        return null;
      }
      return v instanceof OctetString s ? s.toString().trim() : v.toString();
    }

    /** The value as a number, or null when absent or not numeric. */
    Double number(int column) {
      Variable v = get(column);
      return switch (v) {
        case Integer32 i -> (double) i.getValue();
        case UnsignedInteger32 u -> (double) u.getValue();
        case Counter64 c -> (double) c.getValue();
        case OctetString s -> parse(s.toString().trim());
        case null, default -> null;
      };
    }

    private static Double parse(String s) {
      try {
        return Double.valueOf(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
