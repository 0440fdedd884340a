package io.ravenwatch.alerts.rule.function;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every function rule conditions may call, in one explicit list: a new function is one class plus
 * one line in {@link #standard()}. No classpath scanning.
 */
public final class RuleFunctions {
  private final Map<String, RuleFunction> functions = new LinkedHashMap<>();

  /** The functions shipped with Ravenwatch. New functions are added here. */
  public static RuleFunctions standard() {
    return new RuleFunctions().register(new PredictLinear()).register(new Rate());
  }

  /** Registers a function; names must be unique. */
  public RuleFunctions register(RuleFunction f) {
    if (functions.putIfAbsent(f.name(), f) != null) {
      throw new IllegalArgumentException("rule function registered twice: " + f.name());
    }
    return this;
  }

  public Optional<RuleFunction> find(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  public Set<String> names() {
    return functions.keySet();
  }

  public Collection<RuleFunction> all() {
    return functions.values();
  }
}
