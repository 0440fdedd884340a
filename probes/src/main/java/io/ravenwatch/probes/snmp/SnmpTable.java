package io.ravenwatch.probes.snmp;

import java.util.List;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * The rows of a table walked column by column: each row's index and its values in the order the
 * columns were asked for ({@code null} where the agent has no value for that column).
 */
public record SnmpTable(List<Row> rows) {

  public SnmpTable {
    rows = List.copyOf(rows);
  }

  /** One row: the index after the column OID, and one value per requested column. */
  public record Row(OID index, List<Variable> values) {

    /** The value of column {@code i}, or {@code null}. */
    public Variable get(int i) {
      return i < values.size() ? values.get(i) : null;
    }
  }
}
