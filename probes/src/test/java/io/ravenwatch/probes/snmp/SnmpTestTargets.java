package io.ravenwatch.probes.snmp;

import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.api.Timing;
import io.ravenwatch.probes.config.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Targets, credentials and run contexts for the SNMP probe tests. */
final class SnmpTestTargets {
  static final Map<String, String> EXPECTED_TAGS =
      Map.of(
          "source",
          "db1",
          "region",
          "eu-west",
          "group",
          "databases",
          "role",
          "primary",
          "rack",
          "r7");

  private SnmpTestTargets() {}

  static Target target(String address, SnmpCredentials credentials) {
    return new Target(
        "db1",
        Target.Kind.HOST,
        address,
        "eu-west",
        "databases",
        "primary",
        Map.of("rack", "r7"),
        "",
        Optional.of(credentials),
        List.of());
  }

  static SnmpCredentials v1(int port, String community) {
    return new SnmpCredentials(
        "v1",
        SnmpCredentials.Version.V1,
        port,
        Secret.literal(community),
        null,
        null,
        null,
        null,
        null);
  }

  static SnmpCredentials v3(
      int port, String user, SnmpCredentials.AuthProtocol auth, String authPass, String privPass) {
    return new SnmpCredentials(
        "v3-" + user,
        SnmpCredentials.Version.V3,
        port,
        null,
        user,
        auth,
        Secret.literal(authPass),
        SnmpCredentials.PrivProtocol.AES,
        Secret.literal(privPass));
  }

  static ProbeContext context(
      Target target,
      String type,
      Record settings,
      ProbeResources resources,
      Duration timeout,
      int retries) {
    var timing = new Timing(Duration.ofSeconds(30), timeout, retries);
    var spec = new ProbeSpec(type, type, timing, settings);
    return new ProbeContext(
        target, spec, resources, resources.clock().instant().plus(timing.budget()));
  }
}
