package io.ravenwatch.alerts.rule;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.jexl3.JexlExpression;

/**
 * A compiled, checked condition: the JEXL expression and what was learned from its syntax tree.
 *
 * @param source the condition as written
 * @param expression compiled once, evaluated many times
 * @param measurement the one measurement it names, or {@code null} when it reads only {@code probe}
 * @param fields the fields (or tags) of {@code measurement} it reads: a point lacking one of them
 *     is not one this rule applies to
 * @param usesProbe whether it reads the {@code probe} pseudo-measurement
 * @param usesThreshold whether it reads {@code threshold}
 * @param value where the value shown with an alert comes from
 * @param historyFields for each history-using function called, the field it samples
 * @param probeType the probe type the condition requires ({@code probe.type == "ping" && …}), or
 *     {@code null}: lets the index skip it for other types
 * @param columns for query rules, the result columns it reads
 * @param fast the condition as a plain comparison answered without JEXL, or null when it is not one
 */
public record Condition(
    String source,
    JexlExpression expression,
    String measurement,
    List<String> fields,
    boolean usesProbe,
    boolean usesThreshold,
    ValueSource value,
    Map<String, String> historyFields,
    String probeType,
    Set<String> columns,
    FastComparison fast) {

  /** Where the number shown as an alert's value comes from. */
  public sealed interface ValueSource {}

  /** A field of the measurement (or of {@code probe}). */
  public record FieldValue(String measurement, String field) implements ValueSource {}

  /** A result column (query rules). */
  public record ColumnValue(String column) implements ValueSource {}

  /** What the first function called returned. */
  public record FunctionValue() implements ValueSource {}

  /** A separate expression ({@code value:} in the rule). */
  public record ExpressionValue(JexlExpression expression) implements ValueSource {}

  /** None can be told. */
  public record NoValue() implements ValueSource {}
}
