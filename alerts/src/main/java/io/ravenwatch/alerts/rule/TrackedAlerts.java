package io.ravenwatch.alerts.rule;

/**
 * What the lifecycle keeps, so the evaluator can leave out the observations it has no use for. An
 * inactive observation of an alert the lifecycle does not track changes nothing (the alert stays
 * unknown); most evaluations are just that, and leaving them out spares their labels, fingerprint,
 * value and annotations. Active observations are always delivered.
 *
 * <pre>{@code
 * evaluator.evaluate(result, TrackedAlerts.of(tracker::tracksRule, tracker::tracks), sink);
 * }</pre>
 */
public interface TrackedAlerts {

  /** Every observation is wanted (a consumer that does not track alerts, or counts them). */
  TrackedAlerts ALL = of(rule -> true, fingerprint -> true);

  /**
   * Whether some alert of this rule is tracked; if not, none of its inactive observations count.
   */
  boolean anyOf(String rule);

  /** Whether the alert with this fingerprint is tracked (asked only when {@link #anyOf} is). */
  boolean has(String fingerprint);

  static TrackedAlerts of(
      java.util.function.Predicate<String> anyOf, java.util.function.Predicate<String> has) {
    return new TrackedAlerts() {
      @Override
      public boolean anyOf(String rule) {
        return anyOf.test(rule);
      }

      @Override
      public boolean has(String fingerprint) {
        return has.test(fingerprint);
      }
    };
  }
}
