package io.ravenwatch.alerts.rule.function;

/**
 * {@code predict_linear(field, horizon_seconds)}: the value the field will have {@code horizon}
 * seconds after its newest sample, by a least-squares line through its recent samples (as
 * Prometheus' function of the same name). Needs {@link #MIN_SAMPLES} samples; fewer: unknown.
 *
 * <p>"Disk full within 24 h" is {@code predict_linear(disk.used_percent, 24 * 3600) >= 100}.
 */
public final class PredictLinear implements RuleFunction {
  /** Fewer samples than this give a line too unsteady to alert on. */
  public static final int MIN_SAMPLES = 5;

  @Override
  public String name() {
    return "predict_linear";
  }

  @Override
  public int arity() {
    return 2;
  }

  @Override
  public boolean usesHistory() {
    return true;
  }

  @Override
  public double apply(Samples h, double[] args) {
    int n = h.count();
    if (n < MIN_SAMPLES) {
      return Double.NaN;
    }
    // Times relative to the newest sample, in seconds, keep the sums well-conditioned.
    long t0 = h.time(n - 1);
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double x = (h.time(i) - t0) / 1000.0;
      double y = h.value(i);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    double denominator = n * sxx - sx * sx;
    if (denominator == 0) {
      return Double.NaN;
    }
    double slope = (n * sxy - sx * sy) / denominator;
    double intercept = (sy - slope * sx) / n;
    return intercept + slope * args[1];
  }
}
