package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.config.Binder;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a target's {@code probes:} list. Each entry names its {@code type} (a name in the {@link
 * ProbeRegistry}), may set {@code name}, {@code interval}, {@code timeout} and {@code retries}, and
 * every other key binds into that type's settings record.
 */
final class ProbeEntries {
  /** Keys every probe entry may have, next to its type's settings (which must not reuse them). */
  static final Set<String> COMMON_KEYS =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(List.of("type", "name", "interval", "timeout", "retries")));

  private static final List<String> TIMING_KEYS = List.of("interval", "timeout", "retries");

  /** One probe entry bound without problems. */
  record Bound(
      int index, ProbeType<?> type, String name, TimingOverrides timing, Record settings) {}

  private final Binder binder;
  private final ConfigErrors errors;
  private final ProbeRegistry registry;

  ProbeEntries(Binder binder, ConfigErrors errors, ProbeRegistry registry) {
    this.binder = binder;
    this.errors = errors;
    this.registry = registry;
  }

  /** The entries that bound cleanly; every problem of every entry is reported. */
  List<Bound> bind(List<Object> entries, String targetPath, String targetName) {
    var bound = new ArrayList<Bound>();
    var firstIndexByName = new HashMap<String, Integer>();
    for (int i = 0; i < entries.size(); i++) {
      String path = ConfigErrors.index(ConfigErrors.key(targetPath, "probes"), i);
      if (!(entries.get(i) instanceof Map<?, ?> entry)) {
        errors.add(path, "a probe as a map like {type: ping}", entries.get(i));
        continue;
      }
      ProbeType<?> type = type(entry.get("type"), ConfigErrors.key(path, "type"));
      var timingKeys = new LinkedHashMap<Object, Object>();
      TIMING_KEYS.stream().filter(entry::containsKey).forEach(k -> timingKeys.put(k, entry.get(k)));
      TimingOverrides timing = binder.bindRecord(timingKeys, TimingOverrides.class, path, Set.of());
      String name = name(entry.get("name"), type, ConfigErrors.key(path, "name"));
      Record settings =
          type == null ? null : binder.bindRecord(entry, type.settings(), path, COMMON_KEYS);
      if (name != null) {
        Integer first = firstIndexByName.putIfAbsent(name, i);
        if (first != null) {
          errors.add(
              ConfigErrors.key(path, "name"),
              "a probe name unique within "
                  + targetName
                  + " (probes["
                  + first
                  + "] has it too; set name: to tell them apart)",
              name);
          continue;
        }
      }
      if (type != null && name != null && timing != null && settings != null) {
        bound.add(new Bound(i, type, name, timing, settings));
      }
    }
    return bound;
  }

  private ProbeType<?> type(Object node, String path) {
    String known = "one of the probe types " + String.join(", ", registry.names());
    if (registry.names().isEmpty()) {
      known = "a probe type (none is registered)";
    }
    if (node == null) {
      errors.add(path, known + " (required)", null);
      return null;
    }
    var type = node instanceof String s ? registry.find(s).orElse(null) : null;
    if (type != null) {
      checkSettingsKeys(type);
    } else {
      String hint = node instanceof String s ? Suggestions.didYouMean(s, registry.names()) : "";
      errors.add(path, known + hint, node);
    }
    return type;
  }

  /** A settings component named like a common key would silently take its value: a bug. */
  private static void checkSettingsKeys(ProbeType<?> type) {
    for (var c : type.settings().getRecordComponents()) {
      if (COMMON_KEYS.contains(Binder.snakeCase(c.getName()))) {
        throw new IllegalStateException(
            "probe type "
                + type.name()
                + ": its settings record must not have a component named "
                + c.getName()
                + " (every probe entry has it already)");
      }
    }
  }

  private String name(Object node, ProbeType<?> type, String path) {
    if (node == null) {
      return type == null ? null : type.name();
    }
    String name = (String) binder.bind(node, String.class, path);
    if (name != null && name.isBlank()) {
      errors.add(path, "a probe name that is not empty", name);
      return null;
    }
    return name;
  }
}
