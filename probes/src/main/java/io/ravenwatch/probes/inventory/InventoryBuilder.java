package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.ProbeType.Requirement;
import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.api.Timing;
import io.ravenwatch.probes.config.Binder;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.Found;
import io.ravenwatch.probes.config.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves hosts and services into {@link Target}s: checks every reference (group, snmp, parent,
 * host), parent cycles, duplicate names and what each probe type requires, binds the probes and
 * resolves their timing (probe, then target, then group, then defaults). Reports every problem.
 *
 * <p>Groups: without a {@code groups:} section, {@code group:} is a free label (a point tag). Once
 * {@code groups:} defines any group, every {@code group:} must name one of them, so a misspelt
 * group cannot silently lose its overrides.
 */
final class InventoryBuilder {
  private final ConfigErrors errors;
  private final ProbeEntries probeEntries;
  private final Map<String, TargetConfig> targets = new LinkedHashMap<>();
  private Set<String> credentialNames = Set.of();

  InventoryBuilder(Binder binder, ConfigErrors errors, ProbeRegistry registry) {
    this.errors = errors;
    this.probeEntries = new ProbeEntries(binder, errors, registry);
  }

  /** The inventory, or {@code null} when a problem was found (all of them are in the errors). */
  Inventory build(
      RavenwatchFile file, TimingDefaults defaults, Map<String, SnmpCredentials> credentials) {
    Map<String, HostConfig> hosts = orEmpty(file.hosts());
    Map<String, ServiceConfig> services = orEmpty(file.services());
    Map<String, TimingOverrides> groups = orEmpty(file.groups());
    credentialNames = orEmpty(file.snmpCredentials()).keySet();
    targets.putAll(hosts);
    services.forEach(
        (name, s) -> {
          if (hosts.containsKey(name)) {
            errors.add(
                "services." + name,
                "a name no host has (hosts." + name + " exists; names are unique across both)",
                name);
          } else {
            targets.put(name, s);
          }
        });
    targets.forEach(
        (name, t) -> {
          if (t != null) {
            checkReferences(name, t, groups, hosts);
          }
        });
    checkCycles();
    var built = new ArrayList<Target>();
    targets.forEach(
        (name, t) -> {
          if (t != null) {
            Target target = target(name, t, groups, defaults, credentials);
            if (target != null) {
              built.add(target);
            }
          }
        });
    return errors.isEmpty() ? new Inventory(built) : null;
  }

  private void checkReferences(
      String name,
      TargetConfig t,
      Map<String, TimingOverrides> groups,
      Map<String, HostConfig> hosts) {
    String path = t.section() + "." + name;
    if (t.group() != null && !groups.isEmpty() && !groups.containsKey(t.group())) {
      errors.add(
          path + ".group",
          "one of the groups defined under groups: "
              + String.join(", ", groups.keySet())
              + Suggestions.didYouMean(t.group(), groups.keySet()),
          t.group());
    }
    if (t.snmp() != null && !credentialNames.contains(t.snmp())) {
      errors.add(path + ".snmp", credentialExpectation(credentialNames), t.snmp());
    }
    if (t.parent() != null && !targets.containsKey(t.parent())) {
      errors.add(
          path + ".parent",
          "the name of a host or service" + Suggestions.didYouMean(t.parent(), targets.keySet()),
          t.parent());
    }
    if (t instanceof ServiceConfig s && s.host() != null && !hosts.containsKey(s.host())) {
      errors.add(
          path + ".host",
          "the name of a host" + Suggestions.didYouMean(s.host(), hosts.keySet()),
          s.host());
    }
  }

  private static String credentialExpectation(Set<String> names) {
    return names.isEmpty()
        ? "the name of an entry of snmp_credentials: (none is defined)"
        : "the name of an entry of snmp_credentials: " + String.join(", ", names);
  }

  /** The target this one depends on: its {@code parent}, else a service's {@code host}. */
  private String parentOf(String name) {
    TargetConfig t = targets.get(name);
    if (t == null) {
      return null;
    }
    if (t.parent() != null) {
      return targets.containsKey(t.parent()) ? t.parent() : null;
    }
    return t instanceof ServiceConfig s && targets.containsKey(s.host()) ? s.host() : null;
  }

  private void checkCycles() {
    Set<String> reported = new LinkedHashSet<>();
    for (String start : targets.keySet()) {
      List<String> chain = new ArrayList<>();
      String at = start;
      while (at != null && !chain.contains(at)) {
        chain.add(at);
        at = parentOf(at);
      }
      if (at == null || !at.equals(start) || reported.contains(start)) {
        continue; // no cycle, or a cycle that does not pass through start: found from its members
      }
      reported.addAll(chain);
      TargetConfig t = targets.get(start);
      String key = t.parent() != null ? ".parent" : ".host";
      errors.add(
          t.section() + "." + start + key,
          "a chain of parents that ends (a target cannot depend on itself)",
          Found.described("the cycle " + String.join(" -> ", chain) + " -> " + start));
    }
  }

  private Target target(
      String name,
      TargetConfig t,
      Map<String, TimingOverrides> groups,
      TimingDefaults defaults,
      Map<String, SnmpCredentials> credentials) {
    String path = t.section() + "." + name;
    HostConfig host = t instanceof ServiceConfig s && s.host() != null ? hostOf(s) : null;
    String address = firstSet(t.address(), host == null ? null : host.address());
    String region = firstSet(t.region(), host == null ? null : host.region());
    TimingOverrides group = t.group() == null ? null : groups.get(t.group());
    var specs = new ArrayList<ProbeSpec>();
    var needs = new EnumMap<Requirement, List<String>>(Requirement.class);
    for (ProbeEntries.Bound p : probeEntries.bind(orEmpty(t.probes()), path, name)) {
      p.type()
          .requires()
          .forEach(r -> needs.computeIfAbsent(r, k -> new ArrayList<>()).add(p.name()));
      Timing timing = resolve(p.timing(), t.timing(), group, defaults);
      if (timing != null) {
        specs.add(new ProbeSpec(p.type().name(), p.name(), timing, p.settings()));
      }
    }
    if (needs.containsKey(Requirement.ADDRESS)
        && address == null
        && !errors.hasErrorAt(path + ".address")) {
      String what = t instanceof ServiceConfig ? "an address, or a host: with one" : "an address";
      errors.add(
          path + ".address",
          what + " (needed by " + probes(needs, Requirement.ADDRESS) + ")",
          null);
    }
    if (needs.containsKey(Requirement.SNMP)
        && t.snmp() == null
        && !errors.hasErrorAt(path + ".snmp")) {
      errors.add(
          path + ".snmp",
          credentialExpectation(credentialNames)
              + " (needed by "
              + probes(needs, Requirement.SNMP)
              + ")",
          null);
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new Target(
        name,
        t.kind(),
        address,
        region,
        t.group(),
        t.role(),
        orEmpty(t.tags()),
        t.parent() != null ? t.parent() : parentOf(name),
        Optional.ofNullable(t.snmp()).map(credentials::get),
        specs);
  }

  private HostConfig hostOf(ServiceConfig s) {
    return targets.get(s.host()) instanceof HostConfig h ? h : null;
  }

  private static String probes(Map<Requirement, List<String>> needs, Requirement r) {
    List<String> names = needs.get(r);
    return (names.size() == 1 ? "probe " : "probes ") + String.join(", ", names);
  }

  /** Probe, then target, then group, then defaults; {@code null} if a level failed to bind. */
  private static Timing resolve(
      TimingOverrides probe,
      TimingOverrides target,
      TimingOverrides group,
      TimingDefaults defaults) {
    TimingOverrides g = group == null ? TimingOverrides.NONE : group;
    Duration interval =
        first(probe.interval(), target.interval(), g.interval(), defaults.interval());
    Duration timeout = first(probe.timeout(), target.timeout(), g.timeout(), defaults.timeout());
    Integer retries = first(probe.retries(), target.retries(), g.retries(), defaults.retries());
    try {
      return new Timing(interval, timeout, retries);
    } catch (IllegalArgumentException | NullPointerException e) {
      return null; // a bad value, already reported where it was written
    }
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String firstSet(String a, String b) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
    return m == null ? Map.of() : m;
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
