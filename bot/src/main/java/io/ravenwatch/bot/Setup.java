package io.ravenwatch.bot;

import io.ravenwatch.alerts.engine.AlertsConfig;
import io.ravenwatch.alerts.engine.AlertsSection;
import io.ravenwatch.alerts.notify.NotifierRegistry;
import io.ravenwatch.alerts.rule.RuleLoader;
import io.ravenwatch.alerts.rule.RuleSet;
import io.ravenwatch.bot.action.failover.FailoverSection;
import io.ravenwatch.bot.chat.DiscordConfig;
import io.ravenwatch.bot.chat.DiscordSection;
import io.ravenwatch.bot.command.restart.RestartConfig;
import io.ravenwatch.bot.discord.alert.DiscordNotifierType;
import io.ravenwatch.bot.health.HealthSettings;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigException;
import io.ravenwatch.probes.config.ConfigSection;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything Ravenwatch reads before it starts: the configuration file (with the sections of the
 * modules above probes) and the alert rule files, validated together so every error of both is
 * reported at once.
 *
 * @param config the configuration
 * @param rules the alert rules (shipped defaults and the rules directory's files)
 */
public record Setup(RavenwatchConfig config, RuleSet rules) {

  /**
   * Loads and validates.
   *
   * @throws ConfigException with every problem of the configuration and the rule files
   */
  public static Setup load(Path file, Map<String, String> env) {
    RavenwatchConfig config = ConfigLoader.load(file, env, ProbeRegistry.standard(), sections());
    AlertsConfig alerts = config.section(AlertsSection.SECTION);
    var errors = new ArrayList<ConfigError>();
    RuleSet rules = null;
    try {
      rules = RuleLoader.standard().load(rulesDir(config, alerts), alerts.defaultRules());
    } catch (ConfigException e) {
      errors.addAll(e.errors());
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new Setup(config, rules);
  }

  /** The top-level sections the modules above probes own. */
  public static List<ConfigSection<?>> sections() {
    return List.of(
        AlertsSection.section(notifierTypes()),
        DiscordSection.SECTION,
        FailoverSection.SECTION,
        HealthSettings.SECTION,
        RestartConfig.SECTION);
  }

  /** The receiver types of {@code alerts.receivers}: the standard ones and the bot's Discord. */
  /** The receiver types of {@code alerts.receivers}: the standard ones and the bot's Discord. */
  public static NotifierRegistry notifierTypes() {
    return NotifierRegistry.standard().register(DiscordNotifierType.TYPE);
  }

  /**
   * The configured rules directory (an error when missing), else {@code rules/} beside the
   * configuration file when it exists, else none: only the shipped rules.
   */
  private static Path rulesDir(RavenwatchConfig config, AlertsConfig alerts) {
    if (alerts.rulesDir() != null) {
      return config.resolve(alerts.rulesDir());
    }
    Path fallback = config.resolve(Path.of(AlertsConfig.DEFAULT_RULES_DIR));
    return fallback != null && Files.isDirectory(fallback) ? fallback : null;
  }

  public AlertsConfig alerts() {
    return config.section(AlertsSection.SECTION);
  }

  /** The {@code health:} section: the HTTP health endpoint. */
  public HealthSettings health() {
    return config.section(HealthSettings.SECTION);
  }

  /** The {@code discord:} section (without a token: the console chat). */
  public DiscordConfig discord() {
    return config.section(DiscordSection.SECTION);
  }
}
