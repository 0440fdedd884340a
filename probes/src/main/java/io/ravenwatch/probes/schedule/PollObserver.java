package io.ravenwatch.probes.schedule;

import io.ravenwatch.probes.api.ProbeResult;
import java.time.Duration;

/**
 * Told about every scheduled poll's duration and outcome, for self-monitoring. Called on the
 * probe's virtual thread: must be quick; an exception thrown here is logged and ignored.
 *
 * <pre>{@code
 * PollObserver observer = (type, elapsed, status) ->
 *     selfMetrics.recordPoll(type, elapsed, status == ProbeResult.Status.OK);
 * }</pre>
 */
@FunctionalInterface
public interface PollObserver {

  /** An observer that ignores everything. */
  PollObserver NONE = (type, elapsed, status) -> {};

  /**
   * One poll ended, or was cut off at its budget.
   *
   * @param probeType the probe's type, e.g. {@code snmp}
   * @param elapsed how long it ran (its budget when cut off)
   * @param status its outcome
   */
  void onPoll(String probeType, Duration elapsed, ProbeResult.Status status);
}
