package io.ravenwatch.alerts.rule.sandbox;

import java.util.Map;
import org.apache.commons.jexl3.JexlContext;

/**
 * The variables of one evaluation, reused from one evaluation to the next: the measurement under
 * test, the {@code probe} pseudo-measurement, {@code threshold}, and the registered functions.
 * Read-only: a condition cannot assign anything.
 */
public final class EvalContext implements JexlContext {
  private final PointView point = new PointView();
  private final ProbeView probe = new ProbeView();
  private final Map<String, FunctionHandle> functions;
  private String measurement;
  private Object threshold;

  public EvalContext(Map<String, FunctionHandle> functions) {
    this.functions = Map.copyOf(functions);
  }

  public PointView point() {
    return point;
  }

  public ProbeView probe() {
    return probe;
  }

  /** Sets what the next evaluations see as the measurement and {@code threshold}. */
  public void use(String measurement, Double threshold) {
    this.measurement = measurement;
    this.threshold = threshold;
  }

  @Override
  public Object get(String name) {
    if (name.equals(measurement)) {
      return point;
    }
    if (name.equals("probe")) {
      return probe;
    }
    if (name.equals("threshold")) {
      return threshold;
    }
    return functions.get(name);
  }

  @Override
  public void set(String name, Object value) {
    throw new UnsupportedOperationException("rule conditions cannot assign " + name);
  }

  @Override
  public boolean has(String name) {
    return get(name) != null;
  }
}
