package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code services:}, as written: the keys of {@link HostConfig} plus {@code host}. A
 * service on a host takes the host's address and region unless it sets its own, and depends on the
 * host unless it names another {@code parent}.
 *
 * @param host the host the service runs on, a name from {@code hosts:}
 * @param address IP address or DNS name; absent: the host's
 * @param region point tag {@code region}; absent: the host's
 * @param group point tag {@code group}; names an entry of {@code groups:} when that section exists
 * @param role point tag {@code role} (primary, standby…)
 * @param tags free-form point tags
 * @param parent what the service depends on; absent: its host
 * @param snmp the name of an entry of {@code snmp_credentials:}
 * @param interval overrides the group's and the defaults' interval for every probe of the service
 * @param timeout likewise for the timeout
 * @param retries likewise for the retries
 * @param probes the probe entries: {@code {type: …, name: …, interval: …, <settings>}}
 */
record ServiceConfig(
    @OptionalKey String host,
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
    return Target.Kind.SERVICE;
  }

  @Override
  public void validate(ConfigProblems problems) {
    TimingOverrides.check(problems, interval, timeout, retries);
  }
}
