package io.ravenwatch.probes.config;

import java.util.Objects;

/**
 * A top-level section of {@code ravenwatch.yml} that a module above {@code probes} owns (e.g. the
 * alert engine's {@code alerts:}): bound into its record with the same binder, so its errors are
 * reported together with every other, with their key paths. An absent section binds from an empty
 * map, i.e. to its defaults.
 *
 * <pre>{@code
 * static final ConfigSection<AlertsConfig> ALERTS = new ConfigSection<>("alerts", AlertsConfig.class);
 * RavenwatchConfig config = ConfigLoader.load(file, env, registry, List.of(ALERTS));
 * AlertsConfig alerts = config.section(ALERTS);
 * }</pre>
 *
 * @param key the top-level key
 * @param type the record it binds to
 * @param <T> the record
 */
public record ConfigSection<T extends Record>(String key, Class<T> type) {
  public ConfigSection {
    Objects.requireNonNull(key);
    Objects.requireNonNull(type);
  }
}
