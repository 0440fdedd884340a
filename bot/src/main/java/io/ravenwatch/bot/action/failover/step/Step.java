package io.ravenwatch.bot.action.failover.step;

/**
 * One step (or post-check) of a failover plan, made from its settings by its {@link StepType}.
 * Trouble with the thing it acts on is a {@link StepResult#failed} result, never an exception; the
 * runner bounds it with the step's timeout (interrupting it when late).
 */
public interface Step {

  /** What it will do, with the nodes of {@code context} resolved, e.g. "promote redis-b". */
  String describe(StepContext context);

  /** Does it. */
  StepResult run(StepContext context) throws InterruptedException;
}
