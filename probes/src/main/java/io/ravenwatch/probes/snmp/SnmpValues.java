package io.ravenwatch.probes.snmp;

import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/** Reads SNMP values as Java numbers and strings, {@code null} when absent or of another type. */
final class SnmpValues {
  private SnmpValues() {}

  /** An integer, counter, gauge or time ticks value, or {@code null}. */
  static Long asLong(Variable v) {
    return switch (v) {
      case Integer32 i -> (long) i.getValue();
      case UnsignedInteger32 u -> u.getValue();
      case Counter64 c -> c.getValue();
      case null, default -> null;
    };
  }

  /** A number, also from a string such as laLoad's {@code "0.42"}, or {@code null}. */
  static Double asDouble(Variable v) {
    if (v instanceof OctetString s) {
      try {
        return Double.parseDouble(s.toString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    Long l = asLong(v);
    return l == null ? null : l.doubleValue();
  }

  /** A display string, or {@code null}. */
  static String asString(Variable v) {
    return v instanceof OctetString s ? s.toString() : null;
  }

  /** 64-bit value of a UCD High/Low pair of 32-bit gauges, or {@code null}. */
  static Long highLow(Variable high, Variable low) {
    Long h = asLong(high);
    Long l = asLong(low);
    return h == null || l == null ? null : (h << 32) | (l & 0xffffffffL);
  }
}
