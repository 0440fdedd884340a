package io.ravenwatch.probes.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigException;
import io.ravenwatch.probes.config.ConfigSection;
import io.ravenwatch.probes.config.Default;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSectionTest {
  record Extra(@Default("5s") Duration delay, @Default("[console]") List<String> receivers) {}

  static final ConfigSection<Extra> EXTRA = new ConfigSection<>("extra", Extra.class);

  @Test
  void anAbsentSectionBindsToItsDefaults() {
    var config =
        ConfigLoader.parse(
            "hosts: {}", "t.yml", Map.of(), TestProbeTypes.registry(), List.of(EXTRA));

    assertThat(config.section(EXTRA))
        .isEqualTo(new Extra(Duration.ofSeconds(5), List.of("console")));
  }

  @Test
  void aSectionIsBoundWithTheSameRules() {
    var config =
        ConfigLoader.parse(
            "extra: {delay: 250ms}", "t.yml", Map.of(), TestProbeTypes.registry(), List.of(EXTRA));

    assertThat(config.section(EXTRA).delay()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void sectionErrorsAreReportedWithTheOthersWithTheirPaths() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    "extra: {delay: soon, colour: red}\ndefaults: {retries: -1}",
                    "t.yml",
                    Map.of(),
                    TestProbeTypes.registry(),
                    List.of(EXTRA)));

    assertThat(e.errors())
        .extracting(ConfigError::path)
        .containsExactlyInAnyOrder("extra.delay", "extra.colour", "defaults.retries");
  }

  @Test
  void withoutTheSectionItsKeyIsUnknown() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> ConfigLoader.parse("extra: {}", "t.yml", Map.of(), TestProbeTypes.registry()));

    assertThat(e.errors()).extracting(ConfigError::path).containsExactly("extra");
  }
}
