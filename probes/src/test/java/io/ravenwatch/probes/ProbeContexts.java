package io.ravenwatch.probes;

import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.api.Timing;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Targets and probe contexts for probe tests. */
public final class ProbeContexts {
  private ProbeContexts() {}

  /** A host target with a region and one inventory tag, so tests can check they reach points. */
  public static Target host(String name, String address) {
    return new Target(
        name,
        Target.Kind.HOST,
        address,
        "eu-west",
        "web",
        "",
        Map.of("rack", "r1"),
        "",
        Optional.empty(),
        List.of());
  }

  /** A context for one run, its deadline the timing's budget from now. */
  public static ProbeContext context(
      ProbeResources resources,
      Target target,
      String type,
      Record settings,
      Duration timeout,
      int retries) {
    var timing = new Timing(Duration.ofMinutes(1), timeout, retries);
    var spec = new ProbeSpec(type, type, timing, settings);
    return new ProbeContext(
        target, spec, resources, resources.clock().instant().plus(timing.budget()));
  }

  /** A context on fresh resources with the system clock. */
  public static ProbeContext context(
      Target target, String type, Record settings, Duration timeout, int retries) {
    return context(new ProbeResources(Clock.systemUTC()), target, type, settings, timeout, retries);
  }
}
