package io.ravenwatch.bot.chat;

import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.probes.influx.InfluxSettings;
import io.ravenwatch.probes.inventory.Inventory;
import io.ravenwatch.probes.schedule.PollScheduler;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What commands work with: the inventory, the alert engine (silences, acks, live alerts), the
 * scheduler (to probe a target now), InfluxDB (for graphs) and the clock.
 *
 * @param clock the application's clock
 * @param inventory hosts and services
 * @param alerts the alert engine, or null when alerting is disabled
 * @param scheduler runs a target's probes on demand ({@code runOnce})
 * @param influx where graphs read from ({@code enabled()} false: no graphs)
 * @param lastResults the newest result of each probe (subscribed to the result bus by the app)
 */
public record BotContext(
    Clock clock,
    Inventory inventory,
    AlertEngine alerts,
    PollScheduler scheduler,
    InfluxSettings influx,
    LastResults lastResults) {

  public BotContext {
    Objects.requireNonNull(clock);
    Objects.requireNonNull(inventory);
    Objects.requireNonNull(scheduler);
    Objects.requireNonNull(influx);
    lastResults = Objects.requireNonNullElseGet(lastResults, LastResults::new);
  }

  /** A context whose last results stay empty (no listener on the bus). */
  public BotContext(
      Clock clock,
      Inventory inventory,
      AlertEngine alerts,
      PollScheduler scheduler,
      InfluxSettings influx) {
    this(clock, inventory, alerts, scheduler, influx, new LastResults());
  }

  /**
   * The alert engine.
   *
   * @throws CommandException when alerting is disabled
   */
  public AlertEngine alertEngine() throws CommandException {
    return Optional.ofNullable(alerts)
        .orElseThrow(() -> new CommandException("Alerting is disabled in this Ravenwatch."));
  }
}
