package io.ravenwatch.bot.action.failover.step;

import io.ravenwatch.probes.config.Binder;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every kind of failover step and post-check, in one explicit list, and the binding of a {@code
 * steps:} or {@code post_checks:} list to them. Each item has a {@code type}, an optional {@code
 * timeout} and its type's settings.
 *
 * <p>To add a step type: write one class implementing {@link Step} with a settings record and a
 * {@code TYPE} constant, then add one line to {@link #standard()}. No classpath scanning.
 */
public final class StepTypes {
  static final String TYPE_KEY = "type";
  static final String TIMEOUT_KEY = "timeout";

  private final Map<String, StepType<?>> types = new LinkedHashMap<>();

  /** The step types shipped with Ravenwatch. New step types are added here. */
  public static StepTypes standard() {
    return new StepTypes()
        .register(RedisPromoteStep.TYPE)
        .register(RedisRoleCheck.TYPE)
        .register(PgPromoteStep.TYPE)
        .register(PgPrimaryCheck.TYPE)
        .register(HttpStep.TYPE)
        .register(IpmiPowerStep.TYPE)
        .register(DockerStep.TYPE)
        .register(CommandStep.TYPE)
        .register(ProbesCheck.TYPE);
  }

  /** Registers a type; names must be unique, settings must not use the keys type or timeout. */
  public StepTypes register(StepType<?> type) {
    for (var c : type.settings().getRecordComponents()) {
      String key = Binder.snakeCase(c.getName());
      if (key.equals(TYPE_KEY) || key.equals(TIMEOUT_KEY)) {
        throw new IllegalStateException(
            "step type " + type.name() + ": settings must not have a component named " + key);
      }
    }
    if (types.putIfAbsent(type.name(), type) != null) {
      throw new IllegalArgumentException("step type registered twice: " + type.name());
    }
    return this;
  }

  public Optional<StepType<?>> find(String name) {
    return Optional.ofNullable(types.get(name));
  }

  public Set<String> names() {
    return types.keySet();
  }

  /**
   * Binds a list of steps; every problem goes to {@code errors}.
   *
   * @param node the list (null: none)
   * @param path its path, e.g. {@code failover.services.cache.steps}
   * @param defaultTimeout the time limit of a step without {@code timeout}
   * @return one entry per item, in order: its step, or null where the item had errors (so that
   *     later checks report the right index)
   */
  public List<StepSpec> bind(
      Object node, Binder binder, ConfigErrors errors, String path, Duration defaultTimeout) {
    var specs = new ArrayList<StepSpec>();
    if (node == null) {
      return specs;
    }
    if (!(node instanceof List<?> items)) {
      errors.add(path, "a list of steps, like [{type: redis_promote}]", node);
      return specs;
    }
    for (int i = 0; i < items.size(); i++) {
      String at = ConfigErrors.index(path, i);
      if (!(items.get(i) instanceof Map<?, ?> item)) {
        errors.add(at, "a step as a map like {type: redis_promote}", items.get(i));
        specs.add(null);
        continue;
      }
      StepType<?> type = type(item.get(TYPE_KEY), ConfigErrors.key(at, TYPE_KEY), errors);
      Duration timeout = defaultTimeout;
      Object t = item.get(TIMEOUT_KEY);
      if (t != null) {
        Object bound = binder.bind(t, Duration.class, ConfigErrors.key(at, TIMEOUT_KEY));
        if (bound instanceof Duration d && (d.isNegative() || d.isZero())) {
          errors.add(ConfigErrors.key(at, TIMEOUT_KEY), "a positive duration like 30s", t);
        } else if (bound instanceof Duration d) {
          timeout = d;
        }
      }
      Record settings =
          type == null
              ? null
              : binder.bindRecord(item, type.settings(), at, Set.of(TYPE_KEY, TIMEOUT_KEY));
      specs.add(
          settings != null && !errors.hasErrorAt(at) ? StepSpec.of(type, settings, timeout) : null);
    }
    return specs;
  }

  private StepType<?> type(Object node, String path, ConfigErrors errors) {
    String known = "one of the step types " + String.join(", ", types.keySet());
    if (node == null) {
      errors.add(path, known + " (required)", null);
      return null;
    }
    StepType<?> type = node instanceof String s ? types.get(s) : null;
    if (type == null) {
      String hint = node instanceof String s ? Suggestions.didYouMean(s, types.keySet()) : "";
      errors.add(path, known + hint, node);
    }
    return type;
  }
}
