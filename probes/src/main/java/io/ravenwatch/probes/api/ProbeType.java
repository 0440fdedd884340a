package io.ravenwatch.probes.api;

import java.util.Objects;
import java.util.Set;

/**
 * A kind of probe: its configuration name, the record its YAML settings bind to, what it needs from
 * a target, and how to create a probe. Registered in {@link ProbeRegistry}.
 *
 * @param name the {@code type:} of a probe in the configuration, e.g. {@code net_response}
 * @param settings the record the probe's settings bind to (components in camelCase, keys in
 *     snake_case); a record with no components when the probe takes no settings
 * @param requires what the target must have for this probe to make sense
 * @param factory creates the probe for one target
 * @param <S> the settings record
 */
public record ProbeType<S extends Record>(
    String name, Class<S> settings, Set<Requirement> requires, Factory<S> factory) {

  /** Something a target must configure for a probe type to run against it. */
  public enum Requirement {
    /** {@code address:} */
    ADDRESS,
    /** {@code snmp:} credentials */
    SNMP
  }

  /** Creates a probe for one target from its settings. */
  @FunctionalInterface
  public interface Factory<S> {
    Probe create(Target target, S settings);
  }

  public ProbeType {
    Objects.requireNonNull(name);
    Objects.requireNonNull(settings);
    requires = Set.copyOf(requires);
    Objects.requireNonNull(factory);
  }

  /** Creates the probe, casting the settings record bound for this type. */
  public Probe create(Target target, Record boundSettings) {
    return factory.create(target, settings.cast(boundSettings));
  }
}
