package io.ravenwatch.probes.ipmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpmiProfilesTest {
  private static final String GOOD =
      """
      tables:
        temps:
          entry: 1.3.6.1.4.1.99999.1.1
          name: {column: 2}
          reading: 3
          unit: degrees_c
      """;

  @Test
  void shipsAProfileForEachSupportedMib() {
    assertThat(IpmiProfiles.builtIn().names())
        .containsExactly("dell-idrac", "entity-sensor", "hpe-ilo", "lm-sensors", "supermicro");
    assertThat(IpmiProfiles.builtIn().find("dell-idrac").orElseThrow().tables())
        .extracting(IpmiProfile.SensorTable::label)
        .containsExactly("temperature", "fans", "voltages", "power");
  }

  @Test
  void aDirectoryAddsProfilesAndReplacesShippedOnesOfTheSameName(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("acme-bmc.yml"), GOOD);
    Files.writeString(dir.resolve("lm-sensors.yaml"), GOOD);
    Files.writeString(dir.resolve("README.txt"), "not a profile");

    IpmiProfiles profiles = IpmiProfiles.builtIn().withDirectory(dir);

    assertThat(profiles.names()).contains("acme-bmc", "dell-idrac");
    assertThat(profiles.find("lm-sensors").orElseThrow().tables())
        .extracting(IpmiProfile.SensorTable::label)
        .containsExactly("temps");
  }

  @Test
  void reportsEveryBrokenFileOfADirectoryWithItsPathAndKey(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("one.yml"), GOOD.replace("reading: 3", "reading: three"));
    Files.writeString(
        dir.resolve("two.yml"), GOOD.replace("1.3.6.1.4.1.99999.1.1", "enterprises.9"));

    assertThatThrownBy(() -> IpmiProfiles.fromDirectory(dir))
        .isInstanceOf(IpmiProfileException.class)
        .hasMessageContaining(
            dir.resolve("one.yml")
                + ": tables.temps.reading: a column number (a positive integer). Found: three")
        .hasMessageContaining(
            dir.resolve("two.yml")
                + ": tables.temps.entry: a numeric OID such as 1.3.6.1.2.1.99.1.1.1."
                + " Found: enterprises.9");
  }

  @Test
  void rejectsAMissingDirectory(@TempDir Path dir) {
    assertThatThrownBy(() -> IpmiProfiles.fromDirectory(dir.resolve("nope")))
        .isInstanceOf(IpmiProfileException.class)
        .hasMessageContaining("nope: not a directory of IPMI profiles");
  }
}
