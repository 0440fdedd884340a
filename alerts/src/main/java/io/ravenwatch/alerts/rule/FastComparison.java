package io.ravenwatch.alerts.rule;

import java.util.Objects;

/**
 * A condition of the most common shape, {@code measurement.field OP number} or {@code
 * measurement.field OP threshold} ({@code ==, !=, <, <=, >, >=}), answered without running JEXL
 * when the field holds a number — which is most of what a probe writes and most of what the shipped
 * rules ask. It follows JEXL's own numeric rules: two integers compare as longs, anything with a
 * floating-point side as doubles in {@link Double#compare} order. Whatever else (a tag, a string, a
 * boolean, no threshold) is left to JEXL: {@link #test} answers {@code null} then. {@code
 * FastComparisonTest} checks every operator against JEXL on the edge values.
 *
 * @param field the field read
 * @param op the comparison
 * @param constant the number compared with, or null when it is {@code threshold}
 */
public record FastComparison(String field, Op op, Number constant) {

  /** The comparisons it answers. */
  public enum Op {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE
  }

  public FastComparison {
    Objects.requireNonNull(field);
    Objects.requireNonNull(op);
  }

  /**
   * The condition's value for this field value, or null when JEXL must tell.
   *
   * @param value the point's field value
   * @param threshold the rule's threshold (used when {@code constant} is null)
   */
  public Boolean test(Object value, Double threshold) {
    Number other = constant != null ? constant : threshold;
    if (!(value instanceof Number v) || other == null || !plain(v) || !plain(other)) {
      return null;
    }
    if (integral(v) && integral(other)) {
      return answer(
          Long.compare(v.longValue(), other.longValue()), v.longValue() == other.longValue());
    }
    double a = v.doubleValue();
    double b = other.doubleValue();
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return null;
    }
    // JEXL orders doubles as Double.compare does: -0.0 is below 0.0 and not equal to it.
    int compared = Double.compare(a, b);
    return answer(compared, compared == 0);
  }

  private Boolean answer(int compared, boolean equal) {
    return switch (op) {
      case EQ -> equal;
      case NE -> !equal;
      case LT -> compared < 0;
      case LE -> compared <= 0;
      case GT -> compared > 0;
      case GE -> compared >= 0;
    };
  }

  private static boolean integral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }

  /** The boxed primitives; BigDecimal and friends go to JEXL. */
  private static boolean plain(Number n) {
    return integral(n) || n instanceof Double || n instanceof Float;
  }
}
