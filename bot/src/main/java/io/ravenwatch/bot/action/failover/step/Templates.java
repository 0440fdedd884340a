package io.ravenwatch.bot.action.failover.step;

import io.ravenwatch.probes.config.ConfigProblems;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of step settings (URLs, bodies, argument lists): {@code {{primary}}}, {@code
 * {{standby}}} (node names), {@code {{primary.host}}}, {@code {{standby.host}}} and {@code
 * {{service}}}. Their values come from the configuration only; chat input never reaches them.
 */
public final class Templates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]*)}}");
  static final List<String> KNOWN =
      List.of("primary", "standby", "primary.host", "standby.host", "service");

  private Templates() {}

  /** Reports unknown placeholders of {@code template} at {@code key}. */
  public static void check(String template, String key, ConfigProblems problems) {
    if (template == null) {
      return;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!KNOWN.contains(m.group(1).strip())) {
        problems.report(
            key,
            "placeholders among {{" + String.join("}}, {{", KNOWN) + "}}",
            "{{" + m.group(1) + "}}");
      }
    }
  }

  static String render(String template, StepContext context) {
    Matcher m = PLACEHOLDER.matcher(template);
    var sb = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group(1).strip()) {
            case "primary" -> context.primary();
            case "standby" -> context.standby();
            case "primary.host" -> context.nodes().get(context.primary()).host();
            case "standby.host" -> context.nodes().get(context.standby()).host();
            case "service" -> context.service();
            default -> m.group();
          };
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
