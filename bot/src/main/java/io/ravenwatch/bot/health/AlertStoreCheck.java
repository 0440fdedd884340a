package io.ravenwatch.bot.health;

import io.ravenwatch.alerts.store.AlertStore;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The alert store (H2 or PostgreSQL) answers a query: the cheapest the store offers, a primary-key
 * lookup of an outbox id that never exists.
 */
public final class AlertStoreCheck implements HealthCheck {
  private final Supplier<Optional<AlertStore>> store;

  /**
   * @param store the store, or empty when {@code alerts.enabled} is false
   */
  public AlertStoreCheck(Supplier<Optional<AlertStore>> store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "alert_store";
  }

  @Override
  public CheckResult check() {
    Optional<AlertStore> s = store.get();
    if (s.isEmpty()) {
      return CheckResult.disabled("alerts are disabled (alerts.enabled: false)");
    }
    try {
      s.get().entry(0L);
      return CheckResult.up("answering queries");
    } catch (RuntimeException e) {
      return CheckResult.down("query failed: " + Failures.describe(e));
    }
  }
}
