package io.ravenwatch.alerts.rule;

import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.probes.config.OptionalKey;
import java.time.Duration;
import java.util.Map;

/**
 * A team's changes to a shipped default rule, by name ({@code override: {disk_usage_high: {…}}}).
 * Keys left out keep the default; {@code for:} is read next to these keys.
 *
 * @param keepFiringFor replaces the rule's hold-up
 * @param severity replaces the rule's severity
 * @param threshold replaces the rule's threshold
 * @param enabled false switches the rule off (as {@code disable:} does)
 * @param labels added to (or replacing) the rule's labels
 * @param scope replaces the rule's scope
 * @param runbook replaces the rule's runbook
 */
public record RuleOverride(
    @OptionalKey Duration keepFiringFor,
    @OptionalKey Severity severity,
    @OptionalKey Double threshold,
    @OptionalKey Boolean enabled,
    @OptionalKey Map<String, String> labels,
    @OptionalKey ScopeConfig scope,
    @OptionalKey String runbook) {}
