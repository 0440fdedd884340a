package io.ravenwatch.alerts.rule;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic probe results for rule tests, tagged as a target's points are. */
final class Results {
  static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private Results() {}

  static Map<String, String> targetTags(String target) {
    return Map.of("source", target, "region", "eu", "group", "db", "role", "primary");
  }

  static Point.Builder point(String target, String measurement, Instant at) {
    return Point.builder(measurement, at).tags(targetTags(target));
  }

  static ProbeResult result(
      String target, String type, ProbeResult.Status status, String reason, Point... points) {
    Instant at = points.length == 0 ? T0 : points[0].time();
    return new ProbeResult(
        target, type, type, at, Duration.ofMillis(12), status, reason, List.of(points));
  }

  static ProbeResult ok(String target, String type, Point... points) {
    return result(target, type, ProbeResult.Status.OK, "", points);
  }

  static ProbeResult failed(String target, String type, String reason, Point... points) {
    return result(target, type, ProbeResult.Status.FAILED, reason, points);
  }

  static Point disk(String target, String path, double usedPercent, Instant at) {
    return point(target, "disk", at)
        .tag("path", path)
        .tag("device", "sda1")
        .tag("fstype", "ext4")
        .tag("mode", "rw")
        .field("total", 100_000_000_000L)
        .field("used", (long) (usedPercent * 1e9))
        .field("free", (long) ((100 - usedPercent) * 1e9))
        .field("used_percent", usedPercent)
        .build();
  }
}
