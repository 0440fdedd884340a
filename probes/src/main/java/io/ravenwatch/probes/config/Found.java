package io.ravenwatch.probes.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What was found where a value was expected, as the user wrote it: strings in quotes, numbers and
 * booleans bare, {@code nothing} when absent, collections summarised, secrets never shown.
 *
 * @param text the rendering, shown as is; see {@link #described(String)}
 */
public record Found(String text) {
  private static final int MAX_STRING = 80;

  /** A description shown without quotes, e.g. {@code a secret of 5 characters}. */
  public static Found described(String text) {
    return new Found(text);
  }

  /** Renders any bound or raw YAML value for an error message. */
  public static String render(Object value) {
    return switch (value) {
      case null -> "nothing";
      case Found f -> f.text();
      case String s -> quote(s);
      case Secret s -> "a secret from " + s.source();
      case Duration d -> Durations.format(d);
      case Pattern p -> quote(p.pattern());
      case Enum<?> e -> e.name().replace('_', '-');
      case Map<?, ?> m when m.isEmpty() -> "an empty map";
      case Map<?, ?> m ->
          "a map with the keys "
              + m.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
      case List<?> l when l.isEmpty() -> "an empty list";
      case List<?> l -> "a list of " + l.size() + (l.size() == 1 ? " item" : " items");
      default -> String.valueOf(value);
    };
  }

  /** A string in double quotes, escaped, shortened when long. */
  public static String quote(String s) {
    String shown = s.length() > MAX_STRING ? s.substring(0, MAX_STRING) + "…" : s;
    return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
