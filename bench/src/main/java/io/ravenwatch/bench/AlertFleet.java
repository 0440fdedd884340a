package io.ravenwatch.bench;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.inventory.Inventory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulated fleet of {@link AlertBench}: the {@code ravenwatch.yml} of N hosts in groups and
 * regions, 990 generated rules on top of the shipped ones, and the probe results the hosts give
 * each poll — mostly healthy, with a few incidents (a host down, a port closed, a disk filling up…)
 * starting and ending so the lifecycle, the router and the store see real transitions.
 */
final class AlertFleet {
  /** The conditions of the generated rules (as in the alerts module's RuleThroughput). */
  private static final String[] CONDITIONS = {
    "disk.used_percent > %d",
    "http_response.response_time > %d / 1000.0",
    "net_response.response_time > %d / 1000.0",
    "ping.percent_packet_loss > %d",
    "mem.used_percent > %d",
    "system.load5 > %d",
    "interface.ifInErrors > %d",
    "snmp.response_time > %d",
    "ping.average_response_ms > %d",
    "disk.used > %d * 1000000000"
  };

  private static final List<String> DISK_PATHS = List.of("/", "/var", "/data");
  private static final Duration ELAPSED = Duration.ofMillis(3);

  /** What can go wrong with a host, each touching the results a real failure would. */
  enum Incident {
    HOST_DOWN,
    TCP_DOWN,
    HTTP_DOWN,
    HTTP_SLOW,
    DISK_FULL,
    INTERFACE_DOWN,
    MEMORY_HIGH
  }

  private AlertFleet() {}

  /**
   * The configuration: {@code hosts} hosts with five probes each, in {@code groups} groups and 5
   * regions, and an {@code alerts:} section routing to one receiver named {@code bench}.
   */
  static String configYaml(String prefix, int hosts, int groups, String route) {
    var y = new StringBuilder(hosts * 220);
    y.append("snmp_credentials:\n");
    y.append("  bench: {version: 2c, community: \"${BENCH_COMMUNITY:-public}\"}\n");
    y.append("hosts:\n");
    for (int h = 0; h < hosts; h++) {
      String name = prefix + h;
      y.append("  ")
          .append(name)
          .append(": {address: 10.")
          .append(h / 65536 % 256)
          .append('.')
          .append(h / 256 % 256)
          .append('.')
          .append(h % 256)
          .append(", region: r")
          .append(h % 5)
          .append(", group: g")
          .append(h % groups)
          .append(", snmp: bench, probes: [{type: ping}, {type: http_response, url: \"http://")
          .append(name)
          .append("/health\"}, {type: net_response, port: 22}, {type: disk}, {type: snmp}]}\n");
    }
    y.append("alerts:\n");
    y.append("  route: ").append(route).append('\n');
    y.append("  receivers: {bench: {type: console}}\n");
    return y.toString();
  }

  /**
   * 990 rules, each scoped to one of {@code groups} groups, thresholds the healthy fleet is under.
   */
  static String generatedRulesYaml(int count, int groups) {
    var y = new StringBuilder("rules:\n");
    for (int i = 0; i < count; i++) {
      y.append("  - name: r").append(i).append('\n');
      y.append("    scope: {groups: [g").append(i % groups).append("]}\n");
      y.append("    condition: \"")
          .append(String.format(CONDITIONS[i % CONDITIONS.length], 50 + i % 50))
          .append("\"\n    annotations: {summary: \"{{ target }} {{ value }}\"}\n");
    }
    return y.toString();
  }

  /** Decides, poll after poll, which hosts have an incident and for how long. */
  static final class Incidents {
    private final Incident[] current;
    private final int[] pollsLeft;
    private final double startChance;
    private final int maxPolls;
    private final SplittableRandom random = new SplittableRandom(42);
    private long started;

    /**
     * @param hosts how many hosts
     * @param percentInIncident the share of hosts with an incident at any time, on average
     * @param maxPolls an incident lasts 1 to this many polls (uniformly)
     */
    Incidents(int hosts, double percentInIncident, int maxPolls) {
      this.current = new Incident[hosts];
      this.pollsLeft = new int[hosts];
      this.maxPolls = maxPolls;
      double meanPolls = (1 + maxPolls) / 2.0;
      this.startChance = percentInIncident / 100.0 / meanPolls;
    }

    /** Moves to the next poll: incidents end and start. */
    void next() {
      Incident[] kinds = Incident.values();
      for (int h = 0; h < current.length; h++) {
        if (current[h] != null && --pollsLeft[h] <= 0) {
          current[h] = null;
        }
        if (current[h] == null && random.nextDouble() < startChance) {
          current[h] = kinds[random.nextInt(kinds.length)];
          pollsLeft[h] = 1 + random.nextInt(maxPolls);
          started++;
        }
      }
    }

    Incident of(int host) {
      return current[host];
    }

    long started() {
      return started;
    }
  }

  /** The five results one host gives in one poll at {@code t}. */
  static void poll(Target target, Instant t, Incident incident, List<ProbeResult> out) {
    String name = target.name();
    Map<String, String> tags = target.pointTags();
    boolean down = incident == Incident.HOST_DOWN;
    out.add(
        result(
            name,
            "ping",
            t,
            down ? "no answer" : "",
            Point.builder("ping", t)
                .tags(tags)
                .tag("url", target.address())
                .field("percent_packet_loss", down ? 100.0 : 0.0)
                .field("average_response_ms", 0.4)
                .field("result_code", down ? 1 : 0)
                .build()));
    out.add(http(target, t, tags, down ? 4 : incident == Incident.HTTP_DOWN ? 3 : 0, incident));
    int tcp = down ? 1 : incident == Incident.TCP_DOWN ? 2 : 0;
    out.add(
        result(
            name,
            "net_response",
            t,
            tcp == 0 ? "" : "connection failed",
            Point.builder("net_response", t)
                .tags(tags)
                .tag("server", target.address())
                .tag("port", "22")
                .tag("protocol", "tcp")
                .tag("result", tcp == 0 ? "success" : "connection_failed")
                .field("response_time", 0.001)
                .field("result_code", tcp)
                .build()));
    var disks = new ArrayList<Point>(3);
    for (String path : DISK_PATHS) {
      boolean full = incident == Incident.DISK_FULL && path.equals("/data");
      disks.add(
          Point.builder("disk", t)
              .tags(tags)
              .tag("path", path)
              .tag("device", "sda")
              .tag("fstype", "ext4")
              .tag("mode", "rw")
              .field("used_percent", full ? 97.0 : 40.0)
              .field("used", full ? 97_000_000_000L : 40_000_000_000L)
              .field("total", 100_000_000_000L)
              .build());
    }
    out.add(result(name, "disk", t, "", disks));
    out.add(snmp(target, t, tags, incident));
  }

  private static ProbeResult http(
      Target target, Instant t, Map<String, String> tags, int code, Incident incident) {
    double time = incident == Incident.HTTP_SLOW ? 0.4 : 0.02;
    return result(
        target.name(),
        "http_response",
        t,
        code == 0 ? "" : "connection failed",
        Point.builder("http_response", t)
            .tags(tags)
            .tag("server", "http://" + target.name() + "/health")
            .tag("method", "GET")
            .tag("result", code == 0 ? "success" : "connection_failed")
            .tag("status_code", code == 0 ? "200" : "0")
            .field("response_time", time)
            .field("result_code", code)
            .build());
  }

  private static ProbeResult snmp(
      Target target, Instant t, Map<String, String> tags, Incident incident) {
    if (incident == Incident.HOST_DOWN) {
      return result(
          target.name(),
          "snmp",
          t,
          "timeout",
          Point.builder("snmp", t).tags(tags).field("result_code", 1).build());
    }
    boolean busy = incident == Incident.MEMORY_HIGH;
    var points = new ArrayList<Point>(7);
    points.add(
        Point.builder("snmp", t)
            .tags(tags)
            .field("result_code", 0)
            .field("response_time", 0.01)
            .build());
    points.add(Point.builder("system", t).tags(tags).field("load5", busy ? 80.0 : 0.5).build());
    points.add(
        Point.builder("mem", t).tags(tags).field("used_percent", busy ? 98.0 : 30.0).build());
    for (int i = 1; i <= 4; i++) {
      boolean down = incident == Incident.INTERFACE_DOWN && i == 2;
      points.add(
          Point.builder("interface", t)
              .tags(tags)
              .tag("ifIndex", Integer.toString(i))
              .tag("ifName", "eth" + i)
              .field("ifOperStatus", down ? 2L : 1L)
              .field("ifAdminStatus", 1L)
              .field("ifInErrors", 0L)
              .build());
    }
    return result(target.name(), "snmp", t, "", points);
  }

  /** A failing TCP check of one host: what the latency run feeds for each incident. */
  static ProbeResult tcpDown(Target target, Instant t) {
    return result(
        target.name(),
        "net_response",
        t,
        "connection refused",
        Point.builder("net_response", t)
            .tags(target.pointTags())
            .tag("server", target.address())
            .tag("port", "22")
            .tag("protocol", "tcp")
            .tag("result", "connection_failed")
            .field("response_time", 0.001)
            .field("result_code", 2)
            .build());
  }

  static List<Target> targets(Inventory inventory, String prefix, int hosts) {
    var out = new ArrayList<Target>(hosts);
    for (int h = 0; h < hosts; h++) {
      out.add(inventory.find(prefix + h).orElseThrow());
    }
    return out;
  }

  private static ProbeResult result(
      String target, String type, Instant t, String reason, Point point) {
    return result(target, type, t, reason, List.of(point));
  }

  private static ProbeResult result(
      String target, String type, Instant t, String reason, List<Point> points) {
    return new ProbeResult(
        target,
        type,
        type,
        t,
        ELAPSED,
        reason.isEmpty() ? ProbeResult.Status.OK : ProbeResult.Status.FAILED,
        reason,
        points);
  }
}
