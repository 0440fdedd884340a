package io.ravenwatch.alerts.rule;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which tags of a point identify its series and which change with the result. Alert labels keep the
 * target's tags and the identity tags, and drop the rest: with {@code result} or {@code
 * status_code} in its labels, every change of state would be a new alert.
 *
 * <p>For each measurement Ravenwatch writes, the tags it sets and the subset that identifies a
 * series. Tags of other measurements (written by Telegraf, say) are all kept except {@link
 * #VOLATILE}.
 */
final class SeriesTags {
  /** Tags that change with the result in Telegraf's schema, dropped everywhere. */
  static final Set<String> VOLATILE =
      Set.of("result", "result_type", "status_code", "status_desc", "container_status");

  private record Schema(Set<String> own, Set<String> identity) {}

  private static final Schema CONTAINER =
      new Schema(
          Set.of(
              "container_name",
              "container_image",
              "container_version",
              "container_status",
              "engine_host"),
          Set.of("container_name", "engine_host"));

  private static final Map<String, Schema> SCHEMAS =
      Map.ofEntries(
          Map.entry("ping", new Schema(Set.of("url"), Set.of("url"))),
          Map.entry(
              "net_response",
              new Schema(
                  Set.of("server", "port", "protocol", "result"),
                  Set.of("server", "port", "protocol"))),
          Map.entry(
              "http_response",
              new Schema(
                  Set.of("server", "method", "status_code", "result"), Set.of("server", "method"))),
          Map.entry(
              "x509_cert",
              // A renewed certificate has a new serial: the alert about the old one must resolve.
              new Schema(
                  Set.of("common_name", "issuer_common_name", "serial_number"),
                  Set.of("common_name"))),
          Map.entry("disk", new Schema(Set.of("path", "device", "fstype", "mode"), Set.of("path"))),
          Map.entry(
              "ipmi_sensor",
              new Schema(
                  Set.of("name", "unit", "status_code", "status_desc", "entity_id"),
                  Set.of("name", "entity_id"))),
          Map.entry(
              "interface",
              // ifIndex may be renumbered after a reboot; the names stay.
              new Schema(Set.of("ifIndex", "ifName", "ifDescr"), Set.of("ifName", "ifDescr"))),
          Map.entry("cpu", new Schema(Set.of("cpu"), Set.of("cpu"))),
          // A container keeps its alert across a new image or a stop: name and engine identify it.
          Map.entry("docker_container_status", CONTAINER),
          Map.entry("docker_container_health", CONTAINER),
          // A service re-created under the same name gets a new id: its alert stays the same.
          Map.entry(
              "docker_swarm",
              new Schema(
                  Set.of("service_id", "service_name", "service_mode"), Set.of("service_name"))),
          Map.entry(
              "kubernetes_deployment",
              new Schema(
                  Set.of("deployment_name", "namespace"), Set.of("deployment_name", "namespace"))),
          Map.entry("snmp", new Schema(Set.of(), Set.of())),
          Map.entry("system", new Schema(Set.of(), Set.of())),
          Map.entry("mem", new Schema(Set.of(), Set.of())));

  private SeriesTags() {}

  /** Whether a tag of this measurement belongs in the alert's labels. */
  static boolean keep(String measurement, String tag) {
    Schema s = SCHEMAS.get(measurement);
    if (s == null) {
      return !VOLATILE.contains(tag);
    }
    return !s.own().contains(tag) || s.identity().contains(tag);
  }

  /** Whether a tag of this measurement is one of the target's tags (not the measurement's). */
  static boolean targetTag(String measurement, String tag) {
    Schema s = SCHEMAS.get(measurement);
    return s == null ? !VOLATILE.contains(tag) : !s.own().contains(tag);
  }

  /** The tags of a point that its alert labels keep. */
  static SortedMap<String, String> labelTags(String measurement, Map<String, String> tags) {
    var out = new TreeMap<String, String>();
    tags.forEach(
        (k, v) -> {
          if (keep(measurement, k)) {
            out.put(k, v);
          }
        });
    return out;
  }
}
