package io.ravenwatch.bot.action.failover;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A failover as it stands or ended: each step and post-check with its state and result.
 *
 * @param service the service
 * @param from the node active before
 * @param to the node being made active
 * @param steps the steps, in order
 * @param checks the post-checks, in order
 * @param took how long it has run
 */
public record FailoverReport(
    String service,
    String from,
    String to,
    List<StepRun> steps,
    List<StepRun> checks,
    Duration took) {

  public FailoverReport {
    steps = List.copyOf(steps);
    checks = List.copyOf(checks);
  }

  /** Whether every step succeeded (the standby is now the active node). */
  public boolean stepsOk() {
    return steps.stream().allMatch(s -> s.state() == StepRun.State.OK);
  }

  /** Whether every step and every post-check succeeded. */
  public boolean ok() {
    return stepsOk() && checks.stream().allMatch(s -> s.state() == StepRun.State.OK);
  }

  /** The step that failed, if one did. */
  public Optional<StepRun> failedStep() {
    return steps.stream().filter(s -> s.state() == StepRun.State.FAILED).findFirst();
  }

  /** The summary for the audit and the incident threads, e.g. "done: 1. … not done: 3. …". */
  public String summary() {
    String head = "Failover of " + service + " from " + from + " to " + to;
    Optional<StepRun> failed = failedStep();
    if (failed.isPresent()) {
      StepRun f = failed.get();
      return head
          + " stopped at step "
          + f.number()
          + " ("
          + f.description()
          + "): "
          + f.result().reason()
          + ". Done: "
          + list(steps, StepRun.State.OK)
          + ". Not done: "
          + list(steps, StepRun.State.NOT_RUN)
          + ". Post-checks not run. "
          + from
          + " is still recorded as the active node.";
    }
    long failedChecks = checks.stream().filter(c -> c.state() == StepRun.State.FAILED).count();
    String timing = " in " + StepRun.seconds(took);
    if (failedChecks > 0) {
      return head
          + ": all "
          + steps.size()
          + " steps done"
          + timing
          + ", but "
          + failedChecks
          + " of "
          + checks.size()
          + " post-checks failed: "
          + checks.stream()
              .filter(c -> c.state() == StepRun.State.FAILED)
              .map(c -> c.number() + ". " + c.description() + " — " + c.result().reason())
              .collect(Collectors.joining("; "))
          + ". "
          + to
          + " is now the active node.";
    }
    return head
        + ": done"
        + timing
        + " ("
        + steps.size()
        + " steps, "
        + checks.size()
        + " post-checks OK). "
        + to
        + " is now the active node.";
  }

  private static String list(List<StepRun> runs, StepRun.State state) {
    String s =
        runs.stream()
            .filter(r -> r.state() == state)
            .map(r -> r.number() + ". " + r.description() + timing(r))
            .collect(Collectors.joining(", "));
    return s.isEmpty() ? "nothing" : s;
  }

  private static String timing(StepRun r) {
    return r.result() == null ? "" : " (" + StepRun.seconds(r.took()) + ")";
  }
}
