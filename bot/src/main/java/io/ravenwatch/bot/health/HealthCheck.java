package io.ravenwatch.bot.health;

/**
 * One thing the health endpoint looks at. A check answers quickly (the endpoint cuts it off at
 * {@code health.check_timeout}), reports trouble as a {@link CheckResult} rather than throwing, and
 * never puts a secret in its detail: the answer is served without authentication.
 *
 * <p>A new check is one class and one line in {@link HealthChecks#readiness}.
 */
public interface HealthCheck {

  /** The check's name in the JSON answer, snake_case: {@code alert_store}. */
  String name();

  /** Looks now. */
  CheckResult check();
}
