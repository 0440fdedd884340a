package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code hosts:}, as written.
 *
 * @param address IP address or DNS name; needed by probes that poll the host over the network
 * @param region point tag {@code region}
 * @param group point tag {@code group}; names an entry of {@code groups:} when that section exists
 * @param role point tag {@code role} (primary, standby…)
 * @param tags free-form point tags
 * @param parent the host or service this one depends on (its switch, hypervisor, BMC's host)
 * @param snmp the name of an entry of {@code snmp_credentials:}
 * @param interval overrides the group's and the defaults' interval for every probe of the host
 * @param timeout likewise for the timeout
 * @param retries likewise for the retries
 * @param probes the probe entries: {@code {type: …, name: …, interval: …, <settings>}}
 */
record HostConfig(
    @OptionalKey String address,
    @OptionalKey String region,
    @OptionalKey String group,
    @OptionalKey String role,
    @OptionalKey Map<String, String> tags,
    @OptionalKey String parent,
    @OptionalKey String snmp,
    @OptionalKey Duration interval,
    @OptionalKey Duration timeout,
    @OptionalKey Integer retries,
    @OptionalKey List<Object> probes)
    implements TargetConfig, Validatable {

  @Override
  public Target.Kind kind() {
    return Target.Kind.HOST;
  }

  @Override
  public void validate(ConfigProblems problems) {
    TimingOverrides.check(problems, interval, timeout, retries);
  }
}
