package io.ravenwatch.alerts.rule.sandbox;

/**
 * What a condition's {@code name(args)} calls: JEXL finds the variable {@code name} bound to this
 * handle and calls its {@code call} method, which hands the arguments to the evaluator.
 */
public final class FunctionHandle {

  /** Runs a function for the evaluation under way. */
  @FunctionalInterface
  public interface Invoker {
    Object invoke(String function, Object[] args);
  }

  private final String name;
  private final Invoker invoker;

  public FunctionHandle(String name, Invoker invoker) {
    this.name = name;
    this.invoker = invoker;
  }

  public Object call(Object a) {
    return invoker.invoke(name, new Object[] {a});
  }

  public Object call(Object a, Object b) {
    return invoker.invoke(name, new Object[] {a, b});
  }

  public Object call(Object a, Object b, Object c) {
    return invoker.invoke(name, new Object[] {a, b, c});
  }
}
