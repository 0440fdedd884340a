package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.Timing;
import io.ravenwatch.probes.config.ConfigSection;
import io.ravenwatch.probes.container.ContainerEngines;
import io.ravenwatch.probes.influx.InfluxSettings;
import io.ravenwatch.probes.ipmi.IpmiProfiles;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loaded and validated configuration: everything resolved, secrets read from the environment (and
 * redacted in {@link #toString()}). Made by {@link ConfigLoader}.
 *
 * @param dataDir where the spool and state live, absolute when loaded from a file
 * @param influx where points are written
 * @param defaults the timing of probes that override nothing
 * @param snmpCredentials the SNMP credentials by name, in file order
 * @param inventory the hosts and services with their probes
 * @param ipmiProfiles the IPMI profiles probes may name: the shipped ones plus {@code
 *     ipmi_profiles_dir}
 * @param baseDir the directory of the configuration file (relative paths of sections are resolved
 *     against it), or null when parsed from text
 * @param sections the bound top-level sections, by key: those other modules own and {@code
 *     container_engines}
 */
public record RavenwatchConfig(
    Path dataDir,
    InfluxSettings influx,
    Timing defaults,
    Map<String, SnmpCredentials> snmpCredentials,
    Inventory inventory,
    IpmiProfiles ipmiProfiles,
    Path baseDir,
    Map<String, Record> sections) {

  public RavenwatchConfig {
    snmpCredentials = Collections.unmodifiableMap(new LinkedHashMap<>(snmpCredentials));
    sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
  }

  /**
   * A section's bound record.
   *
   * @throws IllegalArgumentException when the section was not asked for when loading
   */
  public <T extends Record> T section(ConfigSection<T> section) {
    Record r = sections.get(section.key());
    if (r == null) {
      throw new IllegalArgumentException("section not loaded: " + section.key());
    }
    return section.type().cast(r);
  }

  /**
   * The declared container engines ({@code container_engines:}), bound with every configuration;
   * none when this configuration was made without it.
   */
  public ContainerEngines containerEngines() {
    return sections.get(ContainerEngines.KEY) instanceof ContainerEngines e
        ? e
        : ContainerEngines.NONE;
  }

  /** A path of a section resolved against the configuration file's directory. */
  public Path resolve(Path path) {
    return baseDir == null || path == null ? path : baseDir.resolve(path).normalize();
  }
}
