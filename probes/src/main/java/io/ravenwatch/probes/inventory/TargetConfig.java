package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What hosts and services have in common in the file; see {@link HostConfig}. */
sealed interface TargetConfig permits HostConfig, ServiceConfig {
  String address();

  String region();

  String group();

  String role();

  Map<String, String> tags();

  String parent();

  String snmp();

  Duration interval();

  Duration timeout();

  Integer retries();

  /** The raw probe entries, bound one by one against their type's settings. */
  List<Object> probes();

  Target.Kind kind();

  /** The section the target is in: {@code hosts} or {@code services}. */
  default String section() {
    return kind() == Target.Kind.HOST ? "hosts" : "services";
  }

  default TimingOverrides timing() {
    return new TimingOverrides(interval(), timeout(), retries());
  }
}
