package io.ravenwatch.alerts.rule;

import io.ravenwatch.probes.config.OptionalKey;
import java.util.List;
import java.util.Map;

/**
 * One rules file: its own rules, and what it changes of the shipped default rules.
 *
 * <pre>{@code
 * rules:
 *   - name: api_slow
 *     scope: {services: [api]}
 *     condition: http_response.response_time > threshold
 *     threshold: 0.5
 * disable: [interface_down]
 * override:
 *   disk_usage_high: {threshold: 95, for: 10m}
 * }</pre>
 *
 * @param rules rules defined here (bound one by one, see {@link RuleConfig})
 * @param disable names of default rules to switch off
 * @param override changes to default rules, by name (bound one by one, see {@link RuleOverride})
 */
public record RuleFile(
    @OptionalKey List<Object> rules,
    @OptionalKey List<String> disable,
    @OptionalKey Map<String, Object> override) {}
