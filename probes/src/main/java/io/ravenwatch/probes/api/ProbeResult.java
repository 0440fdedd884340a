package io.ravenwatch.probes.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one run of one probe against one target produced. A target being down is data here: {@link
 * Status#FAILED} with a reason, and usually a point whose {@code result_code} says why — never an
 * exception.
 *
 * @param target the target's inventory name (the {@code source} tag of its points)
 * @param probe the probe's name within the target (defaults to its type)
 * @param type the probe type, e.g. {@code http_response}
 * @param time when the run started
 * @param elapsed how long the run took
 * @param status the outcome
 * @param reason a short human reason when not {@link Status#OK}, else empty
 * @param points the points to write; may be empty when nothing could be read
 */
public record ProbeResult(
    String target,
    String probe,
    String type,
    Instant time,
    Duration elapsed,
    Status status,
    String reason,
    List<Point> points) {

  /** The outcome of a probe run. */
  public enum Status {
    /** The target answered as expected. */
    OK,
    /** The target did not answer, or answered wrongly; {@code reason} says how. */
    FAILED,
    /** The run exceeded the target's time budget and was cut off by the scheduler. */
    TIMED_OUT
  }

  public ProbeResult {
    Objects.requireNonNull(target);
    Objects.requireNonNull(probe);
    Objects.requireNonNull(type);
    Objects.requireNonNull(time);
    Objects.requireNonNull(elapsed);
    Objects.requireNonNull(status);
    reason = reason == null ? "" : reason;
    points = List.copyOf(points);
  }

  public boolean ok() {
    return status == Status.OK;
  }
}
