package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.api.ProbeType.Requirement;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Test-only probe types named like the real ones (which other modules of work add to {@link
 * ProbeRegistry#standard()}), with settings shaped as the example configuration uses them.
 */
final class TestProbeTypes {
  private TestProbeTypes() {}

  record NoSettings() {}

  record NetSettings(int port, @Default("tcp") Protocol protocol) implements Validatable {
    enum Protocol {
      TCP,
      UDP
    }

    @Override
    public void validate(ConfigProblems problems) {
      if (port < 1 || port > 65535) {
        problems.report("port", "a port from 1 to 65535", port);
      }
    }
  }

  record HttpSettings(
      String url,
      @Default("GET") String method,
      @Default("200") int expectedStatus,
      @OptionalKey Pattern bodyRegex,
      @Default("true") boolean followRedirects) {}

  record IpmiSettings(@Default("generic") String profile) {}

  record X509Settings(@Default("443") int port) {}

  record DiskSettings(@OptionalKey List<String> mountPoints) {}

  static ProbeRegistry registry() {
    Set<Requirement> address = Set.of(Requirement.ADDRESS);
    Set<Requirement> snmp = Set.of(Requirement.ADDRESS, Requirement.SNMP);
    return new ProbeRegistry()
        .register(type("ping", NoSettings.class, address))
        .register(type("net_response", NetSettings.class, address))
        .register(type("disk", DiskSettings.class, ProbeRegistry.NOTHING))
        .register(type("snmp", NoSettings.class, snmp))
        .register(type("snmp_disk", NoSettings.class, snmp))
        .register(type("http_response", HttpSettings.class, ProbeRegistry.NOTHING))
        .register(type("x509_cert", X509Settings.class, address))
        .register(type("ipmi_sensor", IpmiSettings.class, snmp));
  }

  private static <S extends Record> ProbeType<S> type(
      String name, Class<S> settings, Set<Requirement> requires) {
    return new ProbeType<>(
        name,
        settings,
        requires,
        (target, s) ->
            context -> {
              throw new AssertionError("test probe types are never run: " + name + " " + s);
            });
  }
}
