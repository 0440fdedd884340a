package io.ravenwatch.probes.api;

import java.util.Objects;

/**
 * One probe of a target as configured: its type, its name within the target, its resolved timing,
 * and its type-specific settings record (bound from YAML by the type's settings class).
 *
 * @param type the probe type's name in the {@link ProbeRegistry}
 * @param name unique within the target; defaults to the type
 * @param timing resolved interval, timeout and retries
 * @param settings the type's settings record
 */
public record ProbeSpec(String type, String name, Timing timing, Record settings) {
  public ProbeSpec {
    Objects.requireNonNull(type);
    Objects.requireNonNull(name);
    Objects.requireNonNull(timing);
    Objects.requireNonNull(settings);
  }
}
