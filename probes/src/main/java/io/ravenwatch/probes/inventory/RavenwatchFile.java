package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.influx.InfluxSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration file as written, before references are resolved; {@code config/ravenwatch.yml}
 * documents every key.
 *
 * @param dataDir spool and state; relative paths are resolved against the file's directory
 * @param influxdb where points are written; absent: the on-disk spool only
 * @param defaults the timing of every probe unless overridden
 * @param snmpCredentials named SNMP credentials that targets refer to with {@code snmp:}
 * @param groups timing overrides per group
 * @param hosts machines, by name
 * @param services what runs on them (or elsewhere), by name
 * @param ipmiProfilesDir extra IPMI-over-SNMP vendor profiles, added to the shipped ones
 */
record RavenwatchFile(
    @Default("./data") Path dataDir,
    @Default("{}") InfluxSettings influxdb,
    @Default("{}") TimingDefaults defaults,
    @OptionalKey Map<String, SnmpCredentialsConfig> snmpCredentials,
    @OptionalKey Map<String, TimingOverrides> groups,
    @OptionalKey Map<String, HostConfig> hosts,
    @OptionalKey Map<String, ServiceConfig> services,
    @OptionalKey Path ipmiProfilesDir) {}
