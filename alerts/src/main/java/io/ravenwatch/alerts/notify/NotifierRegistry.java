package io.ravenwatch.alerts.notify;

import io.ravenwatch.alerts.api.Notifier;
import io.ravenwatch.probes.config.Binder;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every kind of receiver Ravenwatch can notify, in one explicit list, and the binding of the {@code
 * receivers:} section to them.
 *
 * <pre>{@code
 * receivers:
 *   console: {type: console}
 *   ops-hook:
 *     type: webhook
 *     url: https://hooks.example.org/ravenwatch
 *     headers: {X-Team: ops}
 *     token: ${OPS_HOOK_TOKEN}
 *     timeout: 10s
 * }</pre>
 *
 * <p>To add a notifier: write one class with a settings record and a {@code TYPE} constant, then
 * add one line to {@link #standard()}. No classpath scanning: this list is the truth.
 */
public final class NotifierRegistry {
  /** The key every receiver has next to its type's settings. */
  static final String TYPE_KEY = "type";

  private final Map<String, NotifierType<?>> types = new LinkedHashMap<>();

  /** The notifier types shipped with Ravenwatch. New notifier types are added here. */
  public static NotifierRegistry standard() {
    return new NotifierRegistry().register(ConsoleNotifier.TYPE).register(WebhookNotifier.TYPE);
  }

  /** Registers a type; names must be unique. */
  public NotifierRegistry register(NotifierType<?> type) {
    for (var c : type.settings().getRecordComponents()) {
      if (Binder.snakeCase(c.getName()).equals(TYPE_KEY)) {
        throw new IllegalStateException(
            "notifier type " + type.name() + ": settings must not have a component named type");
      }
    }
    if (types.putIfAbsent(type.name(), type) != null) {
      throw new IllegalArgumentException("notifier type registered twice: " + type.name());
    }
    return this;
  }

  public Optional<NotifierType<?>> find(String name) {
    return Optional.ofNullable(types.get(name));
  }

  public Set<String> names() {
    return types.keySet();
  }

  /**
   * Binds the {@code receivers:} map; every problem goes to {@code errors}.
   *
   * @param node the map under {@code receivers:} (null: no receivers)
   * @param path its path, e.g. {@code alerts.receivers}
   * @return the receivers that bound cleanly, in file order
   */
  public List<ReceiverSpec> bind(Object node, Binder binder, ConfigErrors errors, String path) {
    var specs = new ArrayList<ReceiverSpec>();
    if (node == null) {
      return specs;
    }
    if (!(node instanceof Map<?, ?> receivers)) {
      errors.add(path, "a map of receivers by name, like {ops: {type: webhook, url: …}}", node);
      return specs;
    }
    receivers.forEach(
        (k, v) -> {
          String name = String.valueOf(k);
          String at = ConfigErrors.key(path, name);
          if (!(v instanceof Map<?, ?> entry)) {
            errors.add(at, "a receiver as a map like {type: console}", v);
            return;
          }
          NotifierType<?> type = type(entry.get(TYPE_KEY), ConfigErrors.key(at, TYPE_KEY), errors);
          if (type == null) {
            return;
          }
          Record settings = binder.bindRecord(entry, type.settings(), at, Set.of(TYPE_KEY));
          if (settings != null && !errors.hasErrorAt(at)) {
            specs.add(new ReceiverSpec(name, type, settings));
          }
        });
    return specs;
  }

  /** Makes one notifier per receiver, by receiver name (in the order given). */
  public static Map<String, Notifier> build(List<ReceiverSpec> specs, NotifierResources resources) {
    var notifiers = new LinkedHashMap<String, Notifier>();
    for (ReceiverSpec spec : specs) {
      notifiers.put(spec.name(), spec.type().create(spec.name(), spec.settings(), resources));
    }
    return notifiers;
  }

  private NotifierType<?> type(Object node, String path, ConfigErrors errors) {
    String known = "one of the receiver types " + String.join(", ", types.keySet());
    if (node == null) {
      errors.add(path, known + " (required)", null);
      return null;
    }
    NotifierType<?> type = node instanceof String s ? types.get(s) : null;
    if (type == null) {
      String hint = node instanceof String s ? Suggestions.didYouMean(s, types.keySet()) : "";
      errors.add(path, known + hint, node);
    }
    return type;
  }
}
