package io.ravenwatch.alerts.route;

import io.ravenwatch.alerts.api.Labels;

/**
 * Which active alerts mean "this target is down", so that the alerts of the targets depending on it
 * (the hosts behind a switch) are suppressed. Explicit rather than guessed from rule names: the
 * default host-down and SNMP-unreachable rules carry the label {@code down: "true"}.
 */
@FunctionalInterface
public interface TargetDown {

  /** Whether an active alert with these labels says its {@code source} target is down. */
  boolean isDown(Labels labels);

  /** Down when the label {@code name} is {@code "true"}. */
  static TargetDown byLabel(String name) {
    return labels -> "true".equalsIgnoreCase(labels.get(name));
  }
}
