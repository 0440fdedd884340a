package io.ravenwatch.probes.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Converts YAML scalars to the value types configuration records use: strings, numbers, booleans,
 * {@link Duration}, {@link DataSize}, enums, {@link Pattern}, {@link Path} and {@link Secret}.
 * Secrets are read from the injected environment, never from the real one.
 */
public final class ValueParsers {
  /** {@code ${NAME}} or {@code ${NAME:-default}}. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?}", Pattern.DOTALL);

  static final String SECRET_EXPECTED =
      "a reference to an environment variable like ${NAME} or ${NAME:-default},"
          + " never the secret itself";

  private final Map<String, String> env;
  private final Map<Class<?>, Map<String, Enum<?>>> enumAliases = new HashMap<>();

  /** Parsers reading secrets from {@code env}. */
  public ValueParsers(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * Accepts {@code alias} for {@code value}, e.g. {@code "2c"} for {@code Version.V2C}. Matching
   * ignores case and every character but letters and digits, for aliases as for constant names.
   */
  public <E extends Enum<E>> ValueParsers withEnumAlias(Class<E> type, String alias, E value) {
    enumAliases.computeIfAbsent(type, t -> new HashMap<>()).put(canonical(alias), value);
    return this;
  }

  /** Whether {@code type} is a scalar type this class converts. */
  static boolean handles(Class<?> type) {
    return type == String.class
        || type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == double.class
        || type == Double.class
        || type == boolean.class
        || type == Boolean.class
        || type == Duration.class
        || type == DataSize.class
        || type == Pattern.class
        || type == Path.class
        || type == Secret.class
        || type.isEnum();
  }

  /** What a valid value of {@code type} looks like, for error messages. */
  static String describe(Class<?> type) {
    if (type == String.class) {
      return "a string";
    } else if (type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class) {
      return "a whole number";
    } else if (type == double.class || type == Double.class) {
      return "a number";
    } else if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    } else if (type == Duration.class) {
      return Durations.EXPECTED;
    } else if (type == DataSize.class) {
      return "a size like 512MiB, 10MB or 4096";
    } else if (type == Pattern.class) {
      return "a regular expression";
    } else if (type == Path.class) {
      return "a file path";
    } else if (type == Secret.class) {
      return SECRET_EXPECTED;
    } else if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(Found::render)
              .collect(Collectors.joining(", "));
    }
    return "a value of type " + type.getSimpleName();
  }

  /**
   * Converts a non-null scalar node.
   *
   * @throws Mismatch when it is not a valid {@code type}
   */
  Object parse(Object node, Class<?> type) {
    if (type == String.class) {
      return string(node);
    } else if (type == int.class || type == Integer.class) {
      long v = whole(node);
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new Mismatch("a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
      }
      return (int) v;
    } else if (type == long.class || type == Long.class) {
      return whole(node);
    } else if (type == double.class || type == Double.class) {
      if (node instanceof Number n) {
        return n.doubleValue();
      }
    } else if (type == boolean.class || type == Boolean.class) {
      if (node instanceof Boolean b) {
        return b;
      }
    } else if (type == Secret.class) {
      return secret(node);
    } else if (node instanceof String || node instanceof Number) {
      return parseText(node.toString(), type);
    }
    throw new Mismatch(describe(type));
  }

  private Object parseText(String text, Class<?> type) {
    try {
      if (type == Duration.class) {
        return Durations.parse(text);
      } else if (type == DataSize.class) {
        return DataSize.parse(text);
      } else if (type == Pattern.class) {
        return Pattern.compile(text);
      } else if (type == Path.class) {
        return Path.of(text);
      } else if (type.isEnum()) {
        return enumConstant(text, type);
      }
    } catch (PatternSyntaxException e) {
      throw new Mismatch(
          "a valid regular expression ("
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + ")");
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new Mismatch(describe(type));
    }
    throw new Mismatch(describe(type));
  }

  private static String string(Object node) {
    if (node instanceof String s && REFERENCE.matcher(s).matches()) {
      // Would otherwise pass as the literal text "${NAME}" and fail far from here.
      throw new Mismatch(
          "a plain string (${NAME} is read from the environment only where a secret is expected)");
    }
    if (node instanceof String s) {
      return s;
    }
    if (node instanceof Number n) {
      return n.toString();
    }
    if (node instanceof Boolean) {
      throw new Mismatch(
          "a string (quote it: YAML reads yes, no, on, off, true, false as booleans)");
    }
    throw new Mismatch("a string");
  }

  private static long whole(Object node) {
    if (node instanceof Integer || node instanceof Long) {
      return ((Number) node).longValue();
    }
    if (node instanceof java.math.BigInteger) {
      throw new Mismatch("a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
    }
    throw new Mismatch("a whole number");
  }

  private Object enumConstant(String text, Class<?> type) {
    String wanted = canonical(text);
    for (Object c : type.getEnumConstants()) {
      if (canonical(((Enum<?>) c).name()).equals(wanted)) {
        return c;
      }
    }
    Enum<?> alias = enumAliases.getOrDefault(type, Map.of()).get(wanted);
    if (alias != null) {
      return alias;
    }
    throw new Mismatch(describe(type));
  }

  private Secret secret(Object node) {
    if (!(node instanceof String s) || !REFERENCE.matcher(s).matches()) {
      // A literal may be the secret itself: never echo it, unless it is clearly a broken reference.
      Object shown =
          node instanceof String s && s.contains("$")
              ? s
              : Found.described("a literal value (not shown: it may be a secret)");
      throw new Mismatch(SECRET_EXPECTED, shown);
    }
    Matcher m = REFERENCE.matcher(s);
    m.matches();
    String name = m.group(1);
    String fallback = m.group(2);
    String value = env.get(name);
    if (value != null && !value.isEmpty()) {
      return new Secret("${" + name + "}", value);
    }
    if (fallback != null) {
      return new Secret("${" + name + ":-…}", fallback);
    }
    throw new Mismatch(
        "the environment variable " + name + " to be set (or a default: ${" + name + ":-value})",
        Found.described(Found.quote(s) + ", and " + name + " is not set"));
  }

  private static String canonical(String s) {
    return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  /** A value that does not fit its type; the binder turns it into a {@link ConfigError}. */
  static final class Mismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Object found;
    private final boolean foundGiven;

    Mismatch(String expected) {
      super(expected, null, false, false);
      this.found = null;
      this.foundGiven = false;
    }

    Mismatch(String expected, Object found) {
      super(expected, null, false, false);
      this.found = found;
      this.foundGiven = true;
    }

    String expected() {
      return getMessage();
    }

    /** What to show as found: the node itself unless the parser chose otherwise. */
    Object found(Object node) {
      return foundGiven ? found : node;
    }
  }
}
