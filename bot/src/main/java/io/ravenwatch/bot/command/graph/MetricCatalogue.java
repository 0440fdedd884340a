package io.ravenwatch.bot.command.graph;

import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metrics {@code /graph} knows, per measurement of Telegraf's schema. To graph something new,
 * add one entry here (the probe types that write it and its select expressions).
 */
final class MetricCatalogue {
  private static final Map<String, Metric> METRICS = new LinkedHashMap<>();

  static {
    add(
        new Metric(
            "cpu",
            "CPU used",
            "%",
            Set.of("snmp"),
            "cpu",
            List.of("mean(\"usage_active\") AS \"cpu\""),
            "",
            "\"cpu\" = 'cpu-total'"));
    add(
        new Metric(
            "load",
            "Load average",
            "load",
            Set.of("snmp"),
            "system",
            List.of(
                "mean(\"load1\") AS \"load1\"",
                "mean(\"load5\") AS \"load5\"",
                "mean(\"load15\") AS \"load15\""),
            "",
            ""));
    add(
        new Metric(
            "memory",
            "Memory used",
            "%",
            Set.of("snmp"),
            "mem",
            List.of("mean(\"used_percent\") AS \"used\""),
            "",
            ""));
    add(
        new Metric(
            "disk",
            "Disk used",
            "%",
            Set.of("disk", "snmp_disk"),
            "disk",
            List.of("mean(\"used_percent\") AS \"used\""),
            "path",
            ""));
    add(
        new Metric(
            "ping",
            "Ping round trip",
            "ms",
            Set.of("ping"),
            "ping",
            List.of("mean(\"average_response_ms\") AS \"rtt\""),
            "",
            ""));
    add(
        new Metric(
            "http",
            "HTTP response time",
            "ms",
            Set.of("http_response"),
            "http_response",
            List.of("mean(\"response_time\") * 1000 AS \"response\""),
            "server",
            ""));
    add(
        new Metric(
            "tcp",
            "TCP connect time",
            "ms",
            Set.of("net_response"),
            "net_response",
            List.of("mean(\"response_time\") * 1000 AS \"connect\""),
            "port",
            ""));
    add(
        new Metric(
            "traffic",
            "Interface traffic",
            "bit/s",
            Set.of("snmp"),
            "interface",
            List.of(
                // Octet counters: the rate per second of the bucket means, in bits.
                "non_negative_derivative(mean(\"ifHCInOctets\"), 1s) * 8 AS \"in\"",
                "non_negative_derivative(mean(\"ifHCOutOctets\"), 1s) * 8 AS \"out\""),
            "ifName",
            ""));
    add(
        new Metric(
            "ipmi",
            "IPMI sensors",
            "value",
            Set.of("ipmi_sensor"),
            "ipmi_sensor",
            List.of("mean(\"value\") AS \"value\""),
            "name",
            ""));
    add(
        new Metric(
            "cert",
            "Certificate validity left",
            "days",
            Set.of("x509_cert"),
            "x509_cert",
            List.of("last(\"expiry\") / 86400 AS \"days\""),
            "common_name",
            ""));
  }

  private MetricCatalogue() {}

  private static void add(Metric m) {
    METRICS.put(m.name(), m);
  }

  static Optional<Metric> find(String name) {
    return Optional.ofNullable(METRICS.get(name));
  }

  static List<String> names() {
    return List.copyOf(METRICS.keySet());
  }

  /** The metrics some probe of {@code target} writes, in catalogue order. */
  static List<String> namesFor(Target target) {
    Set<String> types =
        target.probes().stream().map(ProbeSpec::type).collect(java.util.stream.Collectors.toSet());
    return METRICS.values().stream()
        .filter(m -> m.probeTypes().stream().anyMatch(types::contains))
        .map(Metric::name)
        .toList();
  }
}
