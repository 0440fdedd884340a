package io.ravenwatch.alerts.rule.function;

/**
 * {@code rate(field)}: the field's change per second between its two newest samples, e.g. {@code
 * rate(interface.ifInErrors) > 1}. A counter that went down (a reset) gives unknown rather than a
 * negative rate.
 */
public final class Rate implements RuleFunction {

  @Override
  public String name() {
    return "rate";
  }

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public boolean usesHistory() {
    return true;
  }

  @Override
  public double apply(Samples h, double[] args) {
    int n = h.count();
    if (n < 2) {
      return Double.NaN;
    }
    double dv = h.value(n - 1) - h.value(n - 2);
    double dt = (h.time(n - 1) - h.time(n - 2)) / 1000.0;
    return dv < 0 || dt <= 0 ? Double.NaN : dv / dt;
  }
}
