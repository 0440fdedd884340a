package io.ravenwatch.bot.action.failover.step;

import java.util.Objects;

/**
 * What a step did, as data.
 *
 * @param ok whether it did what it should
 * @param reason why not (empty when ok)
 * @param observed what it saw, e.g. "redis-b role master"; never a secret
 */
public record StepResult(boolean ok, String reason, String observed) {
  public StepResult {
    reason = Objects.requireNonNullElse(reason, "");
    observed = Objects.requireNonNullElse(observed, "");
  }

  public static StepResult ok(String observed) {
    return new StepResult(true, "", observed);
  }

  public static StepResult failed(String reason) {
    return new StepResult(false, reason, "");
  }

  public static StepResult failed(String reason, String observed) {
    return new StepResult(false, reason, observed);
  }
}
