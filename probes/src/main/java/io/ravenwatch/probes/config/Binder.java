package io.ravenwatch.probes.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a YAML tree (maps, lists, scalars) to records: components in camelCase match keys in
 * snake_case; {@link Default} and {@link OptionalKey} make a key optional; unknown keys are errors.
 * Supports the scalar types of {@link ValueParsers}, {@code List<T>}, {@code Map<String, T>} (order
 * kept), nested records, and {@code Object} (the raw tree, for parts bound later).
 *
 * <p>Every problem goes to the {@link ConfigErrors} and binding goes on, so one run reports them
 * all. A record with a bad component is still built, with {@code null}/zero in that component, so
 * that checks elsewhere can go on; its {@link Validatable#validate} is then skipped. Callers
 * consult {@link ConfigErrors#hasErrorAt} before trusting a value.
 *
 * <pre>{@code
 * var errors = new ConfigErrors();
 * var binder = new Binder(new ValueParsers(System.getenv()), errors);
 * Settings s = binder.bindRecord(yamlMap, Settings.class, "hosts.db1.probes[0]", Set.of());
 * errors.throwIfAny();
 * }</pre>
 */
public final class Binder {
  private final ValueParsers parsers;
  private final ConfigErrors errors;

  public Binder(ValueParsers parsers, ConfigErrors errors) {
    this.parsers = parsers;
    this.errors = errors;
  }

  /**
   * Binds {@code node} (non-null) to {@code type}.
   *
   * @return the value, or {@code null} when it could not be made at all (the problem is recorded)
   */
  public Object bind(Object node, Type type, String path) {
    Class<?> raw = rawClass(type);
    if (raw == Object.class) {
      return node;
    }
    if (raw.isRecord() && !ValueParsers.handles(raw)) {
      return bindRecord(node, raw.asSubclass(Record.class), path, Set.of());
    }
    if (raw == List.class) {
      return bindList(node, typeArgument(type, 0), path);
    }
    if (raw == Map.class) {
      return bindMap(node, typeArgument(type, 1), path);
    }
    if (!ValueParsers.handles(raw)) {
      throw new IllegalStateException("configuration type not supported: " + type);
    }
    try {
      return parsers.parse(node, raw);
    } catch (ValueParsers.Mismatch m) {
      errors.add(path, m.expected(), m.found(node));
      return null;
    }
  }

  /**
   * Binds a map to a record; {@code alsoAllowed} keys are accepted but left to the caller (e.g. a
   * probe's {@code type} and {@code interval} next to its type's settings).
   */
  public <R extends Record> R bindRecord(
      Object node, Class<R> type, String path, Set<String> alsoAllowed) {
    RecordComponent[] components = type.getRecordComponents();
    List<String> keys = new ArrayList<>();
    for (RecordComponent c : components) {
      keys.add(snakeCase(c.getName()));
    }
    var allowed = new LinkedHashSet<>(keys);
    allowed.addAll(alsoAllowed);
    if (!(node instanceof Map<?, ?> map)) {
      errors.add(path, expectedMap(allowed), node);
      return null;
    }
    for (Object key : map.keySet()) {
      if (!allowed.contains(String.valueOf(key))) {
        String k = String.valueOf(key);
        errors.add(
            ConfigErrors.key(path, k),
            (allowed.isEmpty() ? "no keys here" : "one of the keys " + String.join(", ", allowed))
                + Suggestions.didYouMean(k, allowed),
            Found.described("unknown key " + Found.quote(k)));
      }
    }
    Object[] args = new Object[components.length];
    int before = errors.size();
    for (int i : fileOrder(keys, map)) {
      RecordComponent c = components[i];
      Object value = component(c, map.get(keys.get(i)), ConfigErrors.key(path, keys.get(i)));
      args[i] = value == null ? zero(c.getType()) : value;
    }
    // Nested problems included: a record built from bad parts is not validated (no follow-ups).
    boolean complete = errors.size() == before;
    return construct(type, components, args, complete, path, map);
  }

  /** Component indices, those present in the order of the file first, so errors read in order. */
  private static List<Integer> fileOrder(List<String> keys, Map<?, ?> map) {
    var present = new ArrayList<Object>(map.keySet());
    var order = new ArrayList<Integer>();
    for (int i = 0; i < keys.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingInt(
            i -> {
              int at = present.indexOf(keys.get(i));
              return at < 0 ? Integer.MAX_VALUE : at;
            }));
    return order;
  }

  private Object component(RecordComponent c, Object node, String path) {
    if (node != null) {
      return bind(node, c.getGenericType(), path);
    }
    Default d = c.getAnnotation(Default.class);
    if (d != null) {
      var scratch = new ConfigErrors();
      Object value =
          new Binder(parsers, scratch)
              .bind(YamlTree.parseScalar(d.value()), c.getGenericType(), path);
      if (!scratch.isEmpty()) {
        throw new IllegalStateException("bad @Default on " + c + ": " + scratch.list());
      }
      return value;
    }
    if (c.isAnnotationPresent(OptionalKey.class)) {
      Class<?> t = c.getType();
      return t == List.class ? List.of() : t == Map.class ? Map.of() : null;
    }
    errors.add(path, describe(c.getGenericType()) + " (required)", null);
    return null;
  }

  private <R extends Record> R construct(
      Class<R> type,
      RecordComponent[] components,
      Object[] args,
      boolean complete,
      String path,
      Map<?, ?> node) {
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    R record;
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      record = constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (complete) {
        // The record's own checks refused the values: a configuration problem, not a crash.
        String why =
            e.getCause() == null ? e.toString() : String.valueOf(e.getCause().getMessage());
        errors.add(path, "valid settings (" + why + ")", node);
      }
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct configuration record " + type, e);
    }
    if (complete && record instanceof Validatable v) {
      v.validate(errors.under(path));
    }
    return record;
  }

  private List<Object> bindList(Object node, Type element, String path) {
    if (!(node instanceof List<?> list)) {
      errors.add(path, "a list" + each("item", element), node);
      return null;
    }
    var out = new ArrayList<Object>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      String itemPath = ConfigErrors.index(path, i);
      if (item == null) {
        errors.add(itemPath, describe(element), null);
        out.add(null);
      } else {
        out.add(bind(item, element, itemPath));
      }
    }
    return out;
  }

  private Map<String, Object> bindMap(Object node, Type value, String path) {
    if (!(node instanceof Map<?, ?> map)) {
      errors.add(path, "a map" + each("value", value), node);
      return null;
    }
    var out = new LinkedHashMap<String, Object>();
    map.forEach(
        (k, v) -> {
          String key = String.valueOf(k);
          String entryPath = ConfigErrors.key(path, key);
          if (v == null && rawClass(value).isRecord() && !ValueParsers.handles(rawClass(value))) {
            // "name:" with nothing after it: a record whose keys are all optional.
            out.put(
                key,
                bindRecord(
                    Map.of(), rawClass(value).asSubclass(Record.class), entryPath, Set.of()));
          } else if (v == null) {
            errors.add(entryPath, describe(value), null);
            out.put(key, null);
          } else {
            out.put(key, bind(v, value, entryPath));
          }
        });
    return out;
  }

  /** What a valid value of {@code type} looks like, for error messages. */
  public static String describe(Type type) {
    Class<?> raw = rawClass(type);
    if (raw.isRecord() && !ValueParsers.handles(raw)) {
      return expectedMap(
          Arrays.stream(raw.getRecordComponents())
              .map(c -> snakeCase(c.getName()))
              .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
    if (raw == List.class) {
      return "a list" + each("item", typeArgument(type, 0));
    }
    if (raw == Map.class) {
      return "a map" + each("value", typeArgument(type, 1));
    }
    if (raw == Object.class) {
      return "a value";
    }
    return ValueParsers.describe(raw);
  }

  private static String each(String what, Type element) {
    return rawClass(element) == Object.class ? "" : ", each " + what + " " + describe(element);
  }

  private static String expectedMap(Set<String> keys) {
    return keys.isEmpty() ? "an empty map" : "a map with the keys " + String.join(", ", keys);
  }

  /** {@code spoolMaxSize} → {@code spool_max_size}. */
  public static String snakeCase(String camel) {
    var sb = new StringBuilder(camel.length() + 4);
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        sb.append('_').append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static Object zero(Class<?> type) {
    if (type == int.class) {
      return 0;
    } else if (type == long.class) {
      return 0L;
    } else if (type == double.class) {
      return 0.0;
    } else if (type == boolean.class) {
      return false;
    }
    return null;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof WildcardType w) {
      return rawClass(w.getUpperBounds()[0]);
    }
    throw new IllegalStateException("configuration type not supported: " + type);
  }

  private static Type typeArgument(Type type, int i) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[i];
    }
    return Object.class;
  }
}
