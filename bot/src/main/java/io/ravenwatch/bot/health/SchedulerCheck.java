package io.ravenwatch.bot.health;

import java.util.function.BooleanSupplier;

/** The poll scheduler is running (started, not stopped, Quartz's threads up). */
public final class SchedulerCheck implements HealthCheck {
  private final BooleanSupplier running;

  /**
   * @param running e.g. {@code scheduler::running}
   */
  public SchedulerCheck(BooleanSupplier running) {
    this.running = running;
  }

  @Override
  public String name() {
    return "scheduler";
  }

  @Override
  public CheckResult check() {
    return running.getAsBoolean()
        ? CheckResult.up("polling")
        : CheckResult.down("the poll scheduler is not running");
  }
}
