package io.ravenwatch.bot.dashboards;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands a dashboard query the way Grafana's InfluxDB datasource does before sending it: the
 * {@code $timeFilter} and {@code $__interval} macros, and template variables in regex position —
 * every variable here is multi-value with "All", so Grafana regex-escapes each value, joins several
 * as {@code (a|b)}, and puts the custom all-value ({@code .*}) in as it is.
 */
final class GrafanaMacros {
  /** Stands for Grafana's "All" option. */
  static final List<String> ALL = List.of("$__all");

  static final String TIME_FILTER = "time > now() - 1h";
  static final String INTERVAL = "10s";

  private static final Pattern LEFT_OVER = Pattern.compile("\\$(\\{|\\w)");

  private GrafanaMacros() {}

  /**
   * @throws IllegalArgumentException when a macro or variable is left that Grafana would expand
   */
  static String expand(String query, Map<String, List<String>> variables) {
    String q = query.replace("$timeFilter", TIME_FILTER).replace("$__interval", INTERVAL);
    List<String> names =
        variables.keySet().stream()
            .sorted(Comparator.comparing(String::length).reversed())
            .toList();
    for (String name : names) {
      String value = format(variables.get(name));
      q = q.replace("${" + name + "}", value).replace("$" + name, value);
    }
    Matcher left = LEFT_OVER.matcher(q);
    if (left.find()) {
      throw new IllegalArgumentException("unexpanded " + left.group() + "… in " + query);
    }
    return q;
  }

  /** A variable's value as Grafana interpolates a multi/include-all variable for InfluxQL. */
  static String format(List<String> values) {
    if (values.equals(ALL)) {
      return ".*";
    }
    List<String> escaped = values.stream().map(GrafanaMacros::regexEscape).toList();
    return escaped.size() == 1 ? escaped.getFirst() : "(" + String.join("|", escaped) + ")";
  }

  /** Grafana's {@code kbn.regexEscape}: {@code /[\\^$*+?.()|[\]{}\/]/g → \\$&}. */
  static String regexEscape(String value) {
    return value.replaceAll("[\\\\^$*+?.()|\\[\\]{}/]", "\\\\$0");
  }
}
