package io.ravenwatch.probes.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A host or service of the inventory, resolved from configuration: everything a probe needs to know
 * about what it polls.
 *
 * @param name the inventory name; the {@code source} tag of every point
 * @param kind host or service
 * @param address the address or DNS name to poll; empty for a service without one
 * @param region the region, or empty
 * @param group the group, or empty
 * @param role the role (e.g. primary, standby), or empty
 * @param tags free-form inventory tags, added to every point
 * @param parent the name of the target this one depends on (a switch, a hypervisor), or empty
 * @param snmp the SNMP credentials to poll it with, if any
 * @param probes this target's probes with their resolved timing
 */
public record Target(
    String name,
    Kind kind,
    String address,
    String region,
    String group,
    String role,
    Map<String, String> tags,
    String parent,
    Optional<SnmpCredentials> snmp,
    List<ProbeSpec> probes) {

  /** Whether the target is a machine or something that runs on one. */
  public enum Kind {
    HOST,
    SERVICE
  }

  public Target {
    Objects.requireNonNull(name);
    Objects.requireNonNull(kind);
    address = Objects.requireNonNullElse(address, "");
    region = Objects.requireNonNullElse(region, "");
    group = Objects.requireNonNullElse(group, "");
    role = Objects.requireNonNullElse(role, "");
    parent = Objects.requireNonNullElse(parent, "");
    tags = Map.copyOf(tags);
    snmp = Objects.requireNonNullElse(snmp, Optional.empty());
    probes = List.copyOf(probes);
  }

  /**
   * The tags every point of this target carries: {@code source}, then {@code region}, {@code
   * group}, {@code role} when set, then the free-form inventory tags.
   */
  public Map<String, String> pointTags() {
    var t = new LinkedHashMap<String, String>();
    t.put("source", name);
    if (!region.isEmpty()) {
      t.put("region", region);
    }
    if (!group.isEmpty()) {
      t.put("group", group);
    }
    if (!role.isEmpty()) {
      t.put("role", role);
    }
    tags.forEach(t::putIfAbsent);
    return t;
  }
}
