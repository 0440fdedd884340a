package io.ravenwatch.bot.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.bot.Setup;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigException;
import io.ravenwatch.probes.inventory.ConfigLoader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthSettingsTest {

  private static HealthSettings parse(String yaml) {
    return ConfigLoader.parse(yaml, "t.yml", Map.of(), ProbeRegistry.standard(), Setup.sections())
        .section(HealthSettings.SECTION);
  }

  @Test
  @DisplayName("without a health section the endpoint is on, on loopback port 9188")
  void defaults() {
    HealthSettings settings = parse("hosts: {}");
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.listen()).isEqualTo("127.0.0.1:9188");
    assertThat(settings.address().getPort()).isEqualTo(9188);
    assertThat(settings.checkTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("listen on every address, as in the container")
  void everyAddress() {
    HealthSettings settings = parse("health: {listen: \"0.0.0.0:9188\"}");
    assertThat(settings.address().getAddress().isAnyLocalAddress()).isTrue();
  }

  @Test
  @DisplayName("a bad listen address and a zero timeout are reported with their keys")
  void badValuesAreReported() {
    assertThatThrownBy(() -> parse("health: {listen: nowhere, check_timeout: 0s, colour: red}"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors().stream().map(ConfigError::line))
                    .anyMatch(l -> l.startsWith("health.listen: "))
                    .anyMatch(l -> l.startsWith("health.check_timeout: "))
                    .anyMatch(l -> l.startsWith("health.colour: ")));
  }
}
