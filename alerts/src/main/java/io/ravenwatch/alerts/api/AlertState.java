package io.ravenwatch.alerts.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of an alert and, in one place, the legal transitions between them. Every transition is
 * an {@link AlertEvent}; any other transition is a bug and throws.
 *
 * <pre>
 * INACTIVE → PENDING      condition true, waiting out `for`
 * INACTIVE → FIRING       condition true and `for` is 0
 * PENDING  → FIRING       condition held for `for`
 * PENDING  → INACTIVE     condition false before `for` elapsed (never notified)
 * FIRING   → RESOLVED     condition false for `keep_firing_for`
 * FIRING   → FLAPPING     state changes too often (percent state change over the last N)
 * FLAPPING → FIRING       settled while the condition is true
 * FLAPPING → RESOLVED     settled while the condition is false
 * RESOLVED → PENDING      fires again (a new incident)
 * RESOLVED → FIRING       fires again with `for` 0 (a new incident)
 * RESOLVED → FLAPPING     fires again too soon after resolving, and the history says flapping
 * </pre>
 */
public enum AlertState {
  INACTIVE,
  PENDING,
  FIRING,
  FLAPPING,
  RESOLVED;

  private static final Map<AlertState, Set<AlertState>> LEGAL =
      Map.of(
          INACTIVE, EnumSet.of(PENDING, FIRING),
          PENDING, EnumSet.of(FIRING, INACTIVE),
          FIRING, EnumSet.of(RESOLVED, FLAPPING),
          FLAPPING, EnumSet.of(FIRING, RESOLVED),
          RESOLVED, EnumSet.of(PENDING, FIRING, FLAPPING));

  /** Whether this state may move to {@code next}. */
  public boolean canMoveTo(AlertState next) {
    return LEGAL.get(this).contains(next);
  }

  /**
   * Checks a transition.
   *
   * @throws IllegalStateException when it is not legal
   */
  public AlertState moveTo(AlertState next) {
    if (!canMoveTo(next)) {
      throw new IllegalStateException("illegal alert transition " + this + " → " + next);
    }
    return next;
  }

  /** Whether a person should consider the alert active (firing or flapping). */
  public boolean active() {
    return this == FIRING || this == FLAPPING;
  }
}
