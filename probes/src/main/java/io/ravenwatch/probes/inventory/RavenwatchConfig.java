package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.Timing;
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
 */
public record RavenwatchConfig(
    Path dataDir,
    InfluxSettings influx,
    Timing defaults,
    Map<String, SnmpCredentials> snmpCredentials,
    Inventory inventory,
    IpmiProfiles ipmiProfiles) {

  public RavenwatchConfig {
    snmpCredentials = Collections.unmodifiableMap(new LinkedHashMap<>(snmpCredentials));
  }
}
