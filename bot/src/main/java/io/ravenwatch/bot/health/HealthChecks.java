package io.ravenwatch.bot.health;

import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.bot.discord.alert.DiscordLink;
import io.ravenwatch.probes.influx.InfluxSettings;
import io.ravenwatch.probes.influx.InfluxWriter;
import io.ravenwatch.probes.schedule.PollScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;

/**
 * The explicit lists of checks behind {@code /health/live} and {@code /health/ready}, and how a
 * list is run: all checks at once, each on its own virtual thread, each cut off at the timeout (a
 * hung database must not hang the endpoint). A new check is one class and one line here.
 */
public final class HealthChecks {

  private HealthChecks() {}

  /** Alive: the process runs and the poll scheduler is running. */
  public static List<HealthCheck> liveness(PollScheduler scheduler) {
    return List.of(new SchedulerCheck(scheduler::running));
  }

  /**
   * Ready: polling, the alert store answers, InfluxDB reachable (or the spool taking the points),
   * Discord connected when configured.
   *
   * @param store the alert store, empty when alerts are disabled (read at each request: it is
   *     opened after the checks are made)
   * @param discordConfigured whether {@code discord.token} is set
   */
  public static List<HealthCheck> readiness(
      PollScheduler scheduler,
      Supplier<Optional<AlertStore>> store,
      InfluxSettings influx,
      InfluxWriter writer,
      DiscordLink discord,
      boolean discordConfigured,
      Clock clock,
      Duration timeout) {
    return List.of(
        new SchedulerCheck(scheduler::running),
        new AlertStoreCheck(store),
        new InfluxCheck(
            influx, writer::spooledPoints, writer.metrics()::pointsDropped, clock, timeout),
        new DiscordCheck(discordConfigured, () -> discord.jda().map(JDA::getStatus)));
  }

  /**
   * Runs every check concurrently; one that throws or has not answered within {@code timeout} is
   * down, with the reason.
   */
  public static HealthReport run(List<HealthCheck> checks, Duration timeout) {
    // Not try-with-resources: close() would wait for a check stuck in a blocking call.
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    try {
      var futures = new ArrayList<Future<CheckResult>>();
      for (HealthCheck check : checks) {
        futures.add(executor.submit(check::check));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      var entries = new ArrayList<HealthReport.Entry>();
      for (int i = 0; i < checks.size(); i++) {
        CheckResult result = await(futures.get(i), deadline, timeout);
        entries.add(new HealthReport.Entry(checks.get(i).name(), result));
      }
      return new HealthReport(entries);
    } finally {
      executor.shutdownNow(); // interrupts the checks that ran out of time
    }
  }

  private static CheckResult await(Future<CheckResult> future, long deadline, Duration timeout) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return CheckResult.down("no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      return CheckResult.down("the check failed: " + Failures.describe(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckResult.down("interrupted");
    }
  }
}
