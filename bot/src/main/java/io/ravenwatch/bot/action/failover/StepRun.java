package io.ravenwatch.bot.action.failover;

import io.ravenwatch.bot.action.failover.step.StepResult;
import java.time.Duration;

/**
 * One step or post-check of a failover as it stands.
 *
 * @param number its number in its list, from 1
 * @param description what it does, nodes resolved
 * @param state where it is
 * @param result what it returned (null until it ran)
 * @param took how long it ran (zero until it ran)
 */
public record StepRun(
    int number, String description, State state, StepResult result, Duration took) {

  /** Where a step is. */
  public enum State {
    PENDING("⏳"),
    RUNNING("▶️"),
    OK("✅"),
    FAILED("❌"),
    NOT_RUN("⏭️");

    final String icon;

    State(String icon) {
      this.icon = icon;
    }
  }

  static StepRun pending(int number, String description) {
    return new StepRun(number, description, State.PENDING, null, Duration.ZERO);
  }

  StepRun with(State newState) {
    return new StepRun(number, description, newState, result, took);
  }

  StepRun finished(StepResult r, Duration d) {
    return new StepRun(number, description, r.ok() ? State.OK : State.FAILED, r, d);
  }

  /** One line for a chat message: icon, number, description, what it saw or why it failed. */
  public String line() {
    var sb =
        new StringBuilder(state.icon).append(' ').append(number).append(". ").append(description);
    if (result != null) {
      sb.append(" (").append(seconds(took)).append(')');
      if (!result.ok()) {
        sb.append(" — ").append(result.reason());
      } else if (!result.observed().isEmpty()) {
        sb.append(" — ").append(result.observed());
      }
    } else if (state == State.NOT_RUN) {
      sb.append(" — not run");
    }
    return sb.toString();
  }

  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }
}
