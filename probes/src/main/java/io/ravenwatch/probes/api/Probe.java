package io.ravenwatch.probes.api;

/**
 * One check of one target, created by its {@link ProbeType} from the target's configuration. A
 * probe instance is reused for every run of that target's probe and is never run concurrently with
 * itself (the scheduler guarantees it), so it may keep state between runs (e.g. a previous
 * counter).
 *
 * <p>Runs happen on virtual threads: blocking I/O is fine. A probe honours {@link
 * ProbeContext#timeout()} and {@link ProbeContext#retries()}, stops by {@link
 * ProbeContext#deadline()}, and reports a target problem as a {@link ProbeResult.Status#FAILED}
 * result — exceptions are for bugs only.
 */
@FunctionalInterface
public interface Probe {

  /**
   * Runs the probe once.
   *
   * @throws InterruptedException when the scheduler cuts the run off at the target's time budget
   */
  ProbeResult run(ProbeContext context) throws InterruptedException;
}
