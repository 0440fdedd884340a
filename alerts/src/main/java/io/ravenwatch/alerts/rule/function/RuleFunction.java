package io.ravenwatch.alerts.rule.function;

/**
 * A function rule conditions may call, e.g. {@code predict_linear(disk.used_percent, 86400)}. Its
 * arguments are numbers; a function that {@link #usesHistory() uses history} gets the recent
 * samples of the series its first argument (a {@code measurement.field}) comes from.
 *
 * <p>To add one: write one class implementing this, and add one line to {@link
 * RuleFunctions#standard()}.
 */
public interface RuleFunction {

  /** The name conditions call it by, in snake_case. */
  String name();

  /** How many arguments it takes. */
  int arity();

  /**
   * Whether the first argument must be a field whose recent samples (of the same series) the
   * function reads from {@code history}.
   */
  boolean usesHistory();

  /**
   * Computes the result.
   *
   * @param history the series' recent samples, the current one included; {@code null} unless {@link
   *     #usesHistory()}
   * @param args the arguments as numbers
   * @return the result, or {@link Double#NaN} when it cannot be told yet (too few samples): the
   *     condition then counts as not met
   */
  double apply(Samples history, double[] args);
}
