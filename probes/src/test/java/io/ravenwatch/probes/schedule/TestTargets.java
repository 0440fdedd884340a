package io.ravenwatch.probes.schedule;

import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.api.Timing;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Targets, probe specs and probe types built directly for scheduler tests. */
final class TestTargets {
  private TestTargets() {}

  /** The settings of every test probe: none. */
  record NoSettings() {}

  static Target target(String name, ProbeSpec... probes) {
    return new Target(
        name,
        Target.Kind.HOST,
        "127.0.0.1",
        "",
        "",
        "",
        Map.of(),
        "",
        Optional.empty(),
        List.of(probes));
  }

  /** A probe spec of the given type, named after it, with no retries. */
  static ProbeSpec spec(String type, Duration interval, Duration timeout) {
    return new ProbeSpec(type, type, new Timing(interval, timeout, 0), new NoSettings());
  }

  /** A probe type whose probe for a target is chosen by the test. */
  static ProbeType<NoSettings> type(String name, Function<Target, Probe> probes) {
    return new ProbeType<>(
        name, NoSettings.class, ProbeRegistry.NOTHING, (t, s) -> probes.apply(t));
  }

  static ProbeRegistry registry(ProbeType<?>... types) {
    var r = new ProbeRegistry();
    for (ProbeType<?> t : types) {
      r.register(t);
    }
    return r;
  }
}
