package io.ravenwatch.bot.action.failover;

import io.ravenwatch.bot.action.failover.step.StepContext;
import io.ravenwatch.bot.action.failover.step.StepResult;
import io.ravenwatch.bot.action.failover.step.StepSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a failover plan: the steps in order, each within its time limit, stopping at the first that
 * fails (the rest are reported as not run and the post-checks are skipped); then, when every step
 * succeeded, every post-check. After each change the report so far goes to {@code progress} (the
 * chat edits its reply with it).
 */
public final class FailoverRunner {
  private static final Logger logger = LoggerFactory.getLogger(FailoverRunner.class);

  private final Clock clock;

  public FailoverRunner(Clock clock) {
    this.clock = clock;
  }

  /**
   * Runs {@code plan} from {@code context.primary()} to {@code context.standby()}.
   *
   * @throws InterruptedException when Ravenwatch stops mid-way (the running step is interrupted)
   */
  public FailoverReport run(
      ServicePlan plan, StepContext context, Consumer<FailoverReport> progress)
      throws InterruptedException {
    Instant start = clock.instant();
    List<StepRun> steps = preview(plan.steps(), context);
    List<StepRun> checks = preview(plan.postChecks(), context);
    Runnable publish = () -> progress.accept(report(plan, context, steps, checks, start));
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      boolean failed = false;
      for (int i = 0; i < steps.size(); i++) {
        if (failed) {
          steps.set(i, steps.get(i).with(StepRun.State.NOT_RUN));
        } else {
          runOne(executor, plan, plan.steps().get(i), context, steps, i, publish);
          failed = steps.get(i).state() == StepRun.State.FAILED;
        }
      }
      for (int i = 0; i < checks.size(); i++) {
        if (failed) {
          checks.set(i, checks.get(i).with(StepRun.State.NOT_RUN));
        } else {
          runOne(executor, plan, plan.postChecks().get(i), context, checks, i, publish);
        }
      }
    }
    FailoverReport done = report(plan, context, steps, checks, start);
    progress.accept(done);
    return done;
  }

  private void runOne(
      ExecutorService executor,
      ServicePlan plan,
      StepSpec spec,
      StepContext context,
      List<StepRun> runs,
      int i,
      Runnable publish)
      throws InterruptedException {
    runs.set(i, runs.get(i).with(StepRun.State.RUNNING));
    publish.run();
    Instant began = clock.instant();
    StepResult result = execute(executor, spec, context.withTimeout(spec.timeout()));
    runs.set(i, runs.get(i).finished(result, Duration.between(began, clock.instant())));
    logger.info(
        "failover {} {} → {}: {} {}: {}",
        plan.name(),
        context.primary(),
        context.standby(),
        runs.get(i).description(),
        result.ok() ? "ok" : "FAILED",
        result.ok() ? result.observed() : result.reason());
  }

  private static StepResult execute(ExecutorService executor, StepSpec spec, StepContext context)
      throws InterruptedException {
    Future<StepResult> future = executor.submit(() -> spec.step().run(context));
    try {
      return future.get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      Duration t = spec.timeout();
      String limit = t.toMillis() < 1000 ? t.toMillis() + "ms" : t.toSeconds() + "s";
      return StepResult.failed("did not finish within " + limit);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      logger.error("failover step {} failed with an exception", spec.type().name(), cause);
      return StepResult.failed(
          "unexpected error (" + cause.getClass().getSimpleName() + "), see the log");
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    }
  }

  /** The steps of {@code specs} as they will run, nodes resolved, none run yet. */
  public static List<StepRun> preview(List<StepSpec> specs, StepContext context) {
    var runs = new ArrayList<StepRun>();
    for (int i = 0; i < specs.size(); i++) {
      StepSpec spec = specs.get(i);
      runs.add(StepRun.pending(i + 1, spec.step().describe(context.withTimeout(spec.timeout()))));
    }
    return runs;
  }

  private FailoverReport report(
      ServicePlan plan,
      StepContext context,
      List<StepRun> steps,
      List<StepRun> checks,
      Instant start) {
    return new FailoverReport(
        plan.name(),
        context.primary(),
        context.standby(),
        steps,
        checks,
        Duration.between(start, clock.instant()));
  }
}
