package io.ravenwatch.bot.chat;

import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.influx.InfluxSettings;
import io.ravenwatch.probes.inventory.Inventory;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import io.ravenwatch.probes.schedule.PollScheduler;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What commands work with: the configuration (inventory, InfluxDB, the sections of actions), the
 * alert engine (silences, acks, live alerts), the scheduler (to probe a target now), the newest
 * results, where actions post beyond their reply, and the clock.
 *
 * @param clock the application's clock
 * @param config the whole configuration: {@code config.section(…)} gives a module's section
 * @param alerts the alert engine, or null when alerting is disabled
 * @param scheduler runs a target's probes on demand ({@code runOnce})
 * @param lastResults the newest result of each probe (subscribed to the result bus by the app)
 * @param outlets announcements, incident threads, scheduled events
 * @param points where points such as annotations go (the app's {@code InfluxWriter::write}); drops
 *     them when null
 */
public record BotContext(
    Clock clock,
    RavenwatchConfig config,
    AlertEngine alerts,
    PollScheduler scheduler,
    LastResults lastResults,
    ChatOutlets outlets,
    Consumer<Collection<Point>> points) {

  private static final Consumer<Collection<Point>> DROP = p -> {};

  public BotContext {
    Objects.requireNonNull(clock);
    Objects.requireNonNull(config);
    Objects.requireNonNull(scheduler);
    lastResults = Objects.requireNonNullElseGet(lastResults, LastResults::new);
    outlets = Objects.requireNonNullElseGet(outlets, ChatOutlets::none);
    points = Objects.requireNonNullElse(points, DROP);
  }

  /** A context whose points are dropped. */
  public BotContext(
      Clock clock,
      RavenwatchConfig config,
      AlertEngine alerts,
      PollScheduler scheduler,
      LastResults lastResults,
      ChatOutlets outlets) {
    this(clock, config, alerts, scheduler, lastResults, outlets, DROP);
  }

  /** A context whose last results stay empty and whose outlets drop everything. */
  public BotContext(
      Clock clock, RavenwatchConfig config, AlertEngine alerts, PollScheduler scheduler) {
    this(clock, config, alerts, scheduler, new LastResults(), ChatOutlets.none());
  }

  /** Hosts and services. */
  public Inventory inventory() {
    return config.inventory();
  }

  /** Where graphs read from ({@code enabled()} false: no graphs). */
  public InfluxSettings influx() {
    return config.influx();
  }

  /** The same context posting to other outlets (the chat that runs it knows them). */
  public BotContext withOutlets(ChatOutlets newOutlets) {
    return new BotContext(clock, config, alerts, scheduler, lastResults, newOutlets, points);
  }

  /** The same context writing points (annotations) there, e.g. {@code InfluxWriter::write}. */
  public BotContext withPoints(Consumer<Collection<Point>> newPoints) {
    return new BotContext(clock, config, alerts, scheduler, lastResults, outlets, newPoints);
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
