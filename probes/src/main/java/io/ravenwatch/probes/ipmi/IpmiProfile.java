package io.ravenwatch.probes.ipmi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.snmp4j.smi.OID;

/**
 * A vendor profile: which SNMP tables of a BMC hold its sensors and how to read them. Loaded from a
 * YAML file by {@link ProfileParser}; the profile's name is the file's name without {@code .yml}.
 *
 * @param name the profile's name, e.g. {@code dell-idrac}
 * @param description a one-line description, or empty
 * @param source where it was loaded from (for messages)
 * @param tables the sensor tables, walked concurrently
 */
public record IpmiProfile(
    String name, String description, String source, List<SensorTable> tables) {

  public IpmiProfile {
    Objects.requireNonNull(name);
    description = Objects.requireNonNullElse(description, "");
    tables = List.copyOf(tables);
  }

  /** The three normalised states every vendor status is mapped to; alert rules compare to them. */
  public enum Code {
    OK,
    WARNING,
    CRITICAL;

    /** The tag value: {@code ok}, {@code warning} or {@code critical}. */
    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A normalised status with the vendor's own word for it. */
  public record Status(Code code, String desc) {}

  /**
   * One table of sensors.
   *
   * @param label the table's key in the profile, e.g. {@code temperature}
   * @param entry the table's entry OID; columns are {@code entry.N}
   * @param optional whether an agent may lack the table without the poll failing
   * @param name where each row's sensor name comes from
   * @param readingColumn the column holding the raw reading
   * @param unit the unit, fixed or per row
   * @param scale how to turn the raw reading into the unit
   * @param status the status column and its map, or {@code null} when the table has none
   * @param thresholds fixed limits on the scaled value, or {@code null}
   * @param thresholdColumns columns holding each row's own limits (scaled like the reading), or
   *     {@code null}; a row's limit replaces the fixed one
   * @param entityColumn the column giving {@code entity_id}, or 0 to use the row's index
   * @param skip rows to leave out (absent fans, discrete sensors), or {@code null}
   */
  public record SensorTable(
      String label,
      OID entry,
      boolean optional,
      NameSource name,
      int readingColumn,
      UnitSource unit,
      Scale scale,
      StatusSource status,
      Thresholds thresholds,
      ThresholdColumns thresholdColumns,
      int entityColumn,
      Skip skip) {}

  /**
   * The columns of a table that hold each sensor's limits as the BMC knows them (Dell's {@code
   * temperatureProbeUpperCriticalThreshold} and friends); 0 where the table has none.
   */
  public record ThresholdColumns(
      int warningAbove, int criticalAbove, int warningBelow, int criticalBelow) {}

  /**
   * Where a sensor's name comes from: a column of the sensor table, or of another table with the
   * same index (ENTITY-SENSOR-MIB names live in entPhysicalTable).
   *
   * @param table the other table's entry OID, or {@code null} for the sensor table itself
   * @param column the name column
   * @param fallbackColumn a column of the same table used when the first is empty, or 0
   * @param prefix text put before the value (e.g. {@code "PSU "} when the column is a bay number)
   */
  public record NameSource(OID table, int column, int fallbackColumn, String prefix) {}

  /**
   * The unit: fixed for the table, or read from a column and mapped.
   *
   * @param fixed the unit of every row, or {@code null}
   * @param column the column whose value is mapped, when not fixed
   * @param map column value to unit
   * @param fallback the unit for values not in the map
   */
  public record UnitSource(String fixed, int column, Map<String, String> map, String fallback) {}

  /**
   * How a raw reading becomes a value in its unit: {@code raw × multiplier ÷ divisor × 10^exponent
   * ÷ 10^precision}.
   *
   * @param divisor a fixed divisor (1 when absent)
   * @param multiplier a fixed multiplier (1 when absent)
   * @param exponentColumn a column whose value is mapped to a power of ten, or 0
   * @param exponents that column's value to the power of ten (unmapped values: 0)
   * @param precisionColumn a column holding the number of decimal places, or 0
   */
  public record Scale(
      double divisor,
      double multiplier,
      int exponentColumn,
      Map<String, Integer> exponents,
      int precisionColumn) {

    /** No scaling at all. */
    public static final Scale NONE = new Scale(1, 1, 0, Map.of(), 0);
  }

  /** The status column and what each of its values means. */
  public record StatusSource(int column, Map<String, Status> map) {}

  /** Fixed limits on the scaled value; each may be {@code null}. */
  public record Thresholds(
      Double warningAbove, Double criticalAbove, Double warningBelow, Double criticalBelow) {}

  /** Rows whose {@code column} holds one of {@code values} are left out. */
  public record Skip(int column, Set<String> values) {}
}
