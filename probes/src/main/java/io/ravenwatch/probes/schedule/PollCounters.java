package io.ravenwatch.probes.schedule;

/**
 * A snapshot of the poller's counters since start, for the benchmark and self-monitoring.
 *
 * @param started runs started by the scheduler
 * @param completed runs that ended within their budget (OK or FAILED)
 * @param failed of the completed runs, those that reported {@code FAILED}
 * @param timedOut runs cut off at their target's time budget
 * @param skippedBusy slots skipped because the probe's previous run was still going
 * @param missed slots that passed without a tick at all (scheduler paused or late)
 */
public record PollCounters(
    long started, long completed, long failed, long timedOut, long skippedBusy, long missed) {

  /** Runs started but not yet ended (nor cut off). */
  public long inFlight() {
    return started - completed - timedOut;
  }
}
