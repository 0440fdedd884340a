package io.ravenwatch.probes.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpmiProfileConfigTest {
  private static final String BMC =
      """
      snmp_credentials:
        bmc: {version: 2c, community: "${C}"}
      %s
      hosts:
        bmc1:
          address: 10.0.0.9
          snmp: bmc
          probes: [{type: ipmi_sensor, profile: %s}]
      """;

  @TempDir Path dir;

  private ConfigException failing(String yaml) throws IOException {
    Path file = dir.resolve("ravenwatch.yml");
    Files.writeString(file, yaml);
    return catchThrowableOfType(
        ConfigException.class,
        () -> ConfigLoader.load(file, Map.of("C", "public"), ProbeRegistry.standard()));
  }

  @Test
  void unknownProfileIsAConfigErrorWithItsPath() throws IOException {
    ConfigException e = failing(BMC.formatted("", "dell-idrca"));

    assertThat(e.errors())
        .extracting(ConfigError::line)
        .containsExactly(
            "hosts.bmc1.probes[0].profile: expected one of dell-idrac, entity-sensor, hpe-ilo,"
                + " lm-sensors, supermicro. Found: \"dell-idrca\"");
  }

  @Test
  void aProfileFileInTheConfiguredDirectoryAddsAVendor() throws IOException {
    Path profiles = Files.createDirectories(dir.resolve("profiles"));
    try (InputStream shipped =
        getClass().getClassLoader().getResourceAsStream("ipmi-profiles/lm-sensors.yml")) {
      Files.copy(shipped, profiles.resolve("acme-bmc.yml"));
    }
    Path file = dir.resolve("ravenwatch.yml");
    Files.writeString(file, BMC.formatted("ipmi_profiles_dir: profiles", "acme-bmc"));

    var config = ConfigLoader.load(file, Map.of("C", "public"), ProbeRegistry.standard());

    assertThat(config.ipmiProfiles().find("acme-bmc")).isPresent();
    assertThat(config.ipmiProfiles().find("dell-idrac")).isPresent();
  }

  @Test
  void aMissingProfileDirectoryIsAConfigError() throws IOException {
    ConfigException e = failing(BMC.formatted("ipmi_profiles_dir: nowhere", "dell-idrac"));

    assertThat(e.errors()).extracting(ConfigError::path).containsExactly("ipmi_profiles_dir");
    assertThat(e.errors().getFirst().expected())
        .isEqualTo("a directory of valid IPMI profile files");
  }
}
