package io.ravenwatch.alerts.rule;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ad-hoc throughput measurement (not a test): probe results per second through 1,000 rules on one
 * thread. Run: {@code java -cp … io.ravenwatch.alerts.rule.RuleThroughput [scoped|unscoped]}.
 */
public final class RuleThroughput {
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

  private RuleThroughput() {}

  public static void main(String[] args) {
    boolean scoped = args.length == 0 || args[0].equals("scoped");
    var yaml = new StringBuilder("rules:\n");
    for (int i = 0; i < 990; i++) {
      yaml.append("  - name: r").append(i).append('\n');
      if (scoped) {
        yaml.append("    scope: {groups: [g").append(i % 100).append("]}\n");
      }
      yaml.append("    condition: \"")
          .append(String.format(CONDITIONS[i % CONDITIONS.length], 50 + i % 50))
          .append("\"\n    annotations: {summary: \"{{ target }} {{ value }}\"}\n");
    }
    RuleSet set =
        RuleLoader.standard().load(List.of(new RuleSource("bench.yml", yaml.toString())), true);
    System.out.println(
        "rules: "
            + set.enabled().size()
            + (scoped ? " (scoped to 1 of 100 groups)" : " (unscoped)"));
    List<ProbeResult> results = results();
    RuleEvaluator e = RuleEvaluator.of(set, t -> null);
    long[] observations = new long[1];
    for (int round = 0; round < 8; round++) {
      long start = System.nanoTime();
      long n = 0;
      observations[0] = 0;
      while (System.nanoTime() - start < 2_000_000_000L) {
        for (ProbeResult r : results) {
          e.evaluate(r, o -> observations[0]++);
        }
        n += results.size();
      }
      double s = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "round %d: %,.0f results/s, %,.0f observations/s%n", round, n / s, observations[0] / s);
    }
  }

  /** 1,000 targets in 100 groups; each gives ping, http, tcp, disk (3 paths) and SNMP results. */
  private static List<ProbeResult> results() {
    var out = new ArrayList<ProbeResult>();
    Instant t = Instant.parse("2025-06-01T00:00:00Z");
    for (int h = 0; h < 1000; h++) {
      String target = "host" + h;
      Map<String, String> tags = Map.of("source", target, "group", "g" + (h % 100), "region", "eu");
      out.add(
          result(
              target,
              "ping",
              Point.builder("ping", t)
                  .tags(tags)
                  .tag("url", target)
                  .field("percent_packet_loss", 0.0)
                  .field("average_response_ms", 0.4)
                  .field("result_code", 0)
                  .build()));
      out.add(
          result(
              target,
              "http_response",
              Point.builder("http_response", t)
                  .tags(tags)
                  .tag("server", "http://" + target)
                  .tag("method", "GET")
                  .tag("result", "success")
                  .tag("status_code", "200")
                  .field("response_time", 0.02)
                  .field("result_code", 0)
                  .build()));
      out.add(
          result(
              target,
              "net_response",
              Point.builder("net_response", t)
                  .tags(tags)
                  .tag("server", target)
                  .tag("port", "22")
                  .tag("protocol", "tcp")
                  .tag("result", "success")
                  .field("response_time", 0.001)
                  .field("result_code", 0)
                  .build()));
      var disks = new ArrayList<Point>();
      for (String path : List.of("/", "/var", "/data")) {
        disks.add(
            Point.builder("disk", t)
                .tags(tags)
                .tag("path", path)
                .tag("device", "sda")
                .tag("fstype", "ext4")
                .tag("mode", "rw")
                .field("used_percent", 40.0)
                .field("used", 40_000_000_000L)
                .field("total", 100_000_000_000L)
                .build());
      }
      out.add(result(target, "disk", disks.toArray(Point[]::new)));
      var snmp = new ArrayList<Point>();
      snmp.add(
          Point.builder("snmp", t)
              .tags(tags)
              .field("result_code", 0)
              .field("response_time", 0.01)
              .build());
      snmp.add(Point.builder("system", t).tags(tags).field("load5", 0.5).build());
      snmp.add(Point.builder("mem", t).tags(tags).field("used_percent", 30.0).build());
      for (int i = 1; i <= 4; i++) {
        snmp.add(
            Point.builder("interface", t)
                .tags(tags)
                .tag("ifIndex", "" + i)
                .tag("ifName", "eth" + i)
                .field("ifOperStatus", 1L)
                .field("ifAdminStatus", 1L)
                .field("ifInErrors", 0L)
                .build());
      }
      out.add(result(target, "snmp", snmp.toArray(Point[]::new)));
    }
    return out;
  }

  private static ProbeResult result(String target, String type, Point... points) {
    return new ProbeResult(
        target,
        type,
        type,
        points[0].time(),
        Duration.ofMillis(3),
        ProbeResult.Status.OK,
        "",
        List.of(points));
  }
}
