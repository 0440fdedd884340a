package io.ravenwatch.bot.action.failover.step;

import java.time.Duration;
import java.util.Objects;

/**
 * One configured step or post-check: its type, its settings, its time limit, and the step made from
 * them.
 *
 * @param type the step type
 * @param settings the bound settings (a record of {@code type.settings()})
 * @param timeout how long it may take before it counts as failed
 * @param step the step
 */
public record StepSpec(StepType<?> type, Record settings, Duration timeout, Step step) {
  public StepSpec {
    Objects.requireNonNull(type);
    Objects.requireNonNull(settings);
    Objects.requireNonNull(timeout);
    Objects.requireNonNull(step);
  }

  public static StepSpec of(StepType<?> type, Record settings, Duration timeout) {
    return new StepSpec(type, settings, timeout, type.create(settings));
  }
}
