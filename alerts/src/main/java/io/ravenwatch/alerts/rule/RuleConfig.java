package io.ravenwatch.alerts.rule;

import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.Found;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One rule as written in a rules file (its {@code for:} key is read next to it, {@code for} being a
 * Java keyword). Either a {@code condition} over probe results, or an InfluxQL {@code query} run
 * every {@code interval} whose rows the {@code condition} tests.
 *
 * @param name unique across all files, e.g. {@code disk_usage_high}
 * @param scope which targets it applies to; absent: all
 * @param condition e.g. {@code disk.used_percent > threshold}
 * @param value an expression for the value shown in notifications; absent: the left side of the
 *     condition's first comparison
 * @param keepFiringFor how long it keeps firing after the condition turned false
 * @param severity critical, warning or info
 * @param labels added to the alert's labels
 * @param annotations templates ({@code summary}, {@code description}, …) with {@code {{ value }}},
 *     {@code {{ target }}}, {@code {{ threshold }}}, {@code {{ labels.NAME }}}
 * @param runbook a URL
 * @param threshold a number the condition and the templates can use as {@code threshold}
 * @param enabled false: checked but never evaluated
 * @param query an InfluxQL query (query rules only)
 * @param interval how often the query runs (query rules only)
 */
public record RuleConfig(
    String name,
    @OptionalKey ScopeConfig scope,
    @OptionalKey String condition,
    @OptionalKey String value,
    @Default("0s") Duration keepFiringFor,
    @Default("warning") Severity severity,
    @OptionalKey Map<String, String> labels,
    @OptionalKey Map<String, String> annotations,
    @OptionalKey String runbook,
    @OptionalKey Double threshold,
    @Default("true") boolean enabled,
    @OptionalKey String query,
    @OptionalKey Duration interval)
    implements Validatable {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Override
  public void validate(ConfigProblems problems) {
    if (!NAME.matcher(name).matches()) {
      problems.report(
          "name", "a name of letters, digits, '_', '.' and '-', starting with a letter", name);
    }
    if (condition == null) {
      problems.report("condition", "a condition like disk.used_percent > 90 (required)", null);
    }
    if (query != null && interval == null) {
      problems.report("interval", "how often the query runs, like 1m (required with query)", null);
    }
    if (query == null && interval != null) {
      problems.report(
          "interval",
          "no interval without a query (rules over probe results run on every result)",
          interval);
    }
    if (interval != null && (interval.isNegative() || interval.toMillis() < 1000)) {
      problems.report("interval", "an interval of at least 1s", interval);
    }
    if (keepFiringFor.isNegative()) {
      problems.report("keep_firing_for", "a duration of 0s or more", keepFiringFor);
    }
    labels.keySet().stream()
        .filter(k -> !LABEL.matcher(k).matches() || k.equals("alertname") || k.equals("severity"))
        .forEach(
            k ->
                problems.report(
                    "labels." + k,
                    "a label name of letters, digits and '_' other than alertname and severity",
                    Found.described("the label " + Found.quote(k))));
    if (runbook != null && !runbook.matches("https?://\\S+")) {
      problems.report("runbook", "an http:// or https:// URL", runbook);
    }
  }
}
