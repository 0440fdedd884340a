package io.ravenwatch.probes.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one run of a probe may use: the target, its probe spec, shared resources (clock, SNMP
 * session, HTTP client) and the run's deadline.
 */
public record ProbeContext(
    Target target, ProbeSpec spec, ProbeResources resources, Instant deadline) {

  public Clock clock() {
    return resources.clock();
  }

  public Duration timeout() {
    return spec.timing().timeout();
  }

  public int retries() {
    return spec.timing().retries();
  }

  /** Time left until the deadline, never negative. */
  public Duration remaining() {
    Duration d = Duration.between(clock().instant(), deadline);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** A point builder for this target: the time given and the target's tags already set. */
  public Point.Builder point(String measurement, Instant time) {
    return Point.builder(measurement, time).tags(target.pointTags());
  }

  /** A successful result. */
  public ProbeResult ok(Instant started, List<Point> points) {
    return result(started, ProbeResult.Status.OK, "", points);
  }

  /** A failed result with its reason (and usually a point whose result_code says why). */
  public ProbeResult failed(Instant started, String reason, List<Point> points) {
    return result(started, ProbeResult.Status.FAILED, reason, points);
  }

  private ProbeResult result(
      Instant started, ProbeResult.Status status, String reason, List<Point> points) {
    return new ProbeResult(
        target.name(),
        spec.name(),
        spec.type(),
        started,
        Duration.between(started, clock().instant()),
        status,
        reason,
        points);
  }
}
