package io.ravenwatch.alerts.rule;

import io.ravenwatch.alerts.api.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tiny annotation template: literal text with {@code {{ name }}} or {@code {{ name | filter }}}
 * placeholders. Names are {@code value}, {@code target}, {@code threshold}, {@code rule}, {@code
 * reason} and {@code labels.NAME}; filters are {@code round}, {@code hours} and {@code days} (a
 * number of seconds shown in hours or days). Nothing is executed: a placeholder only looks a value
 * up, and unknown names are refused when the rule is loaded.
 *
 * <pre>{@code
 * Template t = Template.parse("{{ labels.path }} on {{ target }} is {{ value }}% full");
 * }</pre>
 */
public final class Template {
  static final Set<String> NAMES = Set.of("value", "target", "threshold", "rule", "reason");
  static final Set<String> FILTERS = Set.of("round", "hours", "days");

  /** The formats of {@link #number} by decimals. */
  private static final String[] FORMATS = {"%.0f", "%.1f", "%.2f"};

  /** What a placeholder may show. */
  public record Values(String rule, String target, Double value, Double threshold, String reason) {}

  private sealed interface Part permits Text, Slot {}

  private record Text(String text) implements Part {}

  private record Slot(String name, String filter) implements Part {}

  private final List<Part> parts;

  private Template(List<Part> parts) {
    this.parts = parts;
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException with a message fit for a configuration error
   */
  public static Template parse(String text) {
    var parts = new ArrayList<Part>();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf("{{", at);
      if (open < 0) {
        parts.add(new Text(text.substring(at)));
        break;
      }
      if (open > at) {
        parts.add(new Text(text.substring(at, open)));
      }
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        throw new IllegalArgumentException("a closing }} for the {{ at character " + (open + 1));
      }
      parts.add(slot(text.substring(open + 2, close).trim()));
      at = close + 2;
    }
    return new Template(List.copyOf(parts));
  }

  private static Slot slot(String inner) {
    String name = inner;
    String filter = null;
    int bar = inner.indexOf('|');
    if (bar >= 0) {
      name = inner.substring(0, bar).trim();
      filter = inner.substring(bar + 1).trim();
      if (!FILTERS.contains(filter)) {
        throw new IllegalArgumentException(
            "a filter of " + String.join(", ", FILTERS.stream().sorted().toList()) + " after |");
      }
    }
    boolean label = name.startsWith("labels.") && name.length() > "labels.".length();
    if (!label && !NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "placeholders {{ value }}, {{ target }}, {{ threshold }}, {{ rule }}, {{ reason }} or"
              + " {{ labels.NAME }}, not {{ "
              + inner
              + " }}");
    }
    return new Slot(name, filter);
  }

  public String render(Values v, Labels labels) {
    var sb = new StringBuilder(64);
    for (Part p : parts) {
      switch (p) {
        case Text t -> sb.append(t.text());
        case Slot s -> sb.append(value(s, v, labels));
      }
    }
    return sb.toString();
  }

  private static String value(Slot s, Values v, Labels labels) {
    Object raw =
        switch (s.name()) {
          case "value" -> v.value();
          case "threshold" -> v.threshold();
          case "target" -> v.target();
          case "rule" -> v.rule();
          case "reason" -> v.reason();
          default -> labels.get(s.name().substring("labels.".length()));
        };
    if (raw == null) {
      return "";
    }
    if (!(raw instanceof Double d)) {
      return raw.toString();
    }
    if (s.filter() == null) {
      return number(d, 2);
    }
    return switch (s.filter()) {
      case "round" -> number(Math.rint(d), 0);
      case "hours" -> number(d / 3600, 1);
      case "days" -> number(d / 86400, 1);
      default -> number(d, 2);
    };
  }

  /** A number without trailing zeros: 90, 91.5, 0.25. */
  static String number(double d, int decimals) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    String s = String.format(Locale.ROOT, FORMATS[decimals], d);
    if (s.indexOf('.') < 0) {
      return s;
    }
    // Rendered for every observation: trimmed by hand, not by two regular expressions.
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }
}
