package io.ravenwatch.alerts.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.config.Binder;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.ValueParsers;
import io.ravenwatch.probes.config.YamlTree;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleSettingsTest {
  private final ConfigErrors errors = new ConfigErrors();

  private LifecycleSettings bind(String yaml) {
    return new Binder(new ValueParsers(Map.of()), errors)
        .bindRecord(
            YamlTree.parse(yaml, "ravenwatch.yml"),
            LifecycleSettings.class,
            "alerts.lifecycle",
            Set.of());
  }

  @Test
  void emptySectionGivesTheDefaults() {
    assertThat(bind("{}")).isEqualTo(LifecycleSettings.DEFAULTS);
    assertThat(errors.list()).isEmpty();
  }

  @Test
  void bindsEveryKey() {
    LifecycleSettings s =
        bind(
            "{stale_after: 5m, stale_gap_factor: 4, resolved_retention: 2h,"
                + " flapping: {window: 11, high_percent: 60, low_percent: 20}}");

    assertThat(errors.list()).isEmpty();
    assertThat(s)
        .isEqualTo(
            new LifecycleSettings(
                Duration.ofMinutes(5), 4, Duration.ofHours(2), new FlappingSettings(11, 60, 20)));
  }

  @Test
  void flappingKeysDefaultOneByOne() {
    assertThat(bind("{flapping: {window: 31}}").flapping())
        .isEqualTo(new FlappingSettings(31, 50, 25));
  }

  @Test
  void reportsEveryBadValueWithItsPath() {
    bind("{stale_after: 0s, stale_gap_factor: 0, resolved_retention: 1h}");

    assertThat(errors.list().stream().map(ConfigError::line))
        .containsExactlyInAnyOrder(
            "alerts.lifecycle.stale_after: expected a positive duration. Found: 0s",
            "alerts.lifecycle.stale_gap_factor: expected a whole number of at least 1. Found: 0");
  }

  @Test
  void reportsBadFlappingSettingsWithTheirPath() {
    bind("{flapping: {window: 100, high_percent: 40, low_percent: 45}}");

    assertThat(errors.list().stream().map(ConfigError::line))
        .containsExactlyInAnyOrder(
            "alerts.lifecycle.flapping.window: expected a number of results from 3 to 64."
                + " Found: 100",
            "alerts.lifecycle.flapping.low_percent: expected a percentage from 0 to below"
                + " high_percent. Found: 45.0");
  }
}
