package io.ravenwatch.alerts.rule;

import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import java.nio.file.Path;

/**
 * The rule part of the {@code alerts:} configuration section.
 *
 * @param rulesDir the directory of {@code *.yml} rule files; absent: only the shipped defaults
 * @param defaultRules whether the shipped default rules are loaded (each can still be disabled)
 */
public record RuleSettings(@OptionalKey Path rulesDir, @Default("true") boolean defaultRules) {}
