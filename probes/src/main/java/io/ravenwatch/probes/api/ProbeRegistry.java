package io.ravenwatch.probes.api;

import io.ravenwatch.probes.container.ContainerEngines;
import io.ravenwatch.probes.container.DockerProbe;
import io.ravenwatch.probes.container.DockerSwarmProbe;
import io.ravenwatch.probes.container.KubernetesProbe;
import io.ravenwatch.probes.disk.DiskProbe;
import io.ravenwatch.probes.http.HttpResponseProbe;
import io.ravenwatch.probes.ipmi.IpmiProfiles;
import io.ravenwatch.probes.ipmi.IpmiSensorProbe;
import io.ravenwatch.probes.net.NetResponseProbe;
import io.ravenwatch.probes.net.PingProbe;
import io.ravenwatch.probes.snmp.SnmpDiskProbe;
import io.ravenwatch.probes.snmp.SnmpHostProbe;
import io.ravenwatch.probes.tls.X509CertProbe;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every probe type Ravenwatch knows, in one explicit list.
 *
 * <p>To add a probe: write one class with a settings record and a {@code TYPE} constant, then add
 * one line to {@link #standard()}. No classpath scanning: this list is the truth.
 */
public final class ProbeRegistry {
  private final Map<String, ProbeType<?>> types = new LinkedHashMap<>();

  /** The probe types shipped with Ravenwatch, with the shipped IPMI profiles. */
  public static ProbeRegistry standard() {
    return standard(IpmiProfiles::builtIn);
  }

  /**
   * The probe types shipped with Ravenwatch, IPMI sensors read with the given profiles, and no
   * container engine (container probes then fail, naming the engine they miss).
   */
  public static ProbeRegistry standard(Supplier<IpmiProfiles> ipmiProfiles) {
    return standard(ipmiProfiles, () -> ContainerEngines.NONE);
  }

  /**
   * The probe types shipped with Ravenwatch: IPMI sensors read with the given profiles, container
   * probes reaching the given engines (e.g. {@code standard(config::ipmiProfiles,
   * config::containerEngines)}). New probe types are added here.
   */
  public static ProbeRegistry standard(
      Supplier<IpmiProfiles> ipmiProfiles, Supplier<ContainerEngines> containerEngines) {
    return new ProbeRegistry()
        .register(PingProbe.TYPE)
        .register(NetResponseProbe.TYPE)
        .register(HttpResponseProbe.TYPE)
        .register(X509CertProbe.TYPE)
        .register(DiskProbe.TYPE)
        .register(SnmpHostProbe.TYPE)
        .register(SnmpDiskProbe.TYPE)
        .register(IpmiSensorProbe.type(ipmiProfiles))
        .register(DockerProbe.type(containerEngines))
        .register(DockerSwarmProbe.type(containerEngines))
        .register(KubernetesProbe.type(containerEngines));
  }

  /** Registers a type; names must be unique. */
  public ProbeRegistry register(ProbeType<?> type) {
    if (types.putIfAbsent(type.name(), type) != null) {
      throw new IllegalArgumentException("probe type registered twice: " + type.name());
    }
    return this;
  }

  public Optional<ProbeType<?>> find(String name) {
    return Optional.ofNullable(types.get(name));
  }

  public Set<String> names() {
    return types.keySet();
  }

  public Collection<ProbeType<?>> all() {
    return types.values();
  }

  /** Shorthand for a type that needs nothing from the target. */
  public static final Set<ProbeType.Requirement> NOTHING = Set.of();
}
