package io.ravenwatch.bot;

import io.ravenwatch.alerts.api.Notifier;
import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.engine.AlertHistory;
import io.ravenwatch.alerts.engine.AlertsConfig;
import io.ravenwatch.alerts.notify.NotifierRegistry;
import io.ravenwatch.alerts.notify.NotifierResources;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.AlertStores;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.ChatOutlets;
import io.ravenwatch.bot.chat.LastResults;
import io.ravenwatch.bot.command.maintenance.MaintenanceDesk;
import io.ravenwatch.bot.command.silence.UntilResolved;
import io.ravenwatch.bot.discord.alert.DiscordLink;
import io.ravenwatch.bot.health.HealthChecks;
import io.ravenwatch.bot.health.HealthServer;
import io.ravenwatch.bot.health.HealthSettings;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ResultListener;
import io.ravenwatch.probes.influx.InfluxWriter;
import io.ravenwatch.probes.influx.SelfMetrics;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import io.ravenwatch.probes.schedule.PollScheduler;
import io.ravenwatch.probes.schedule.ResultBus;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application: probe resources, the InfluxDB writer (or its spool), the alert engine
 * with its state store, the result bus and the poll scheduler — started in that order and stopped
 * in reverse, so no result and no notification is lost.
 */
public final class Ravenwatch implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(Ravenwatch.class);

  /** How often maintenance windows are checked for a start or an end to announce. */
  private static final java.time.Duration MAINTENANCE_SWEEP = java.time.Duration.ofSeconds(15);

  private final ProbeResources resources;
  private final InfluxWriter writer;
  private final ResultBus bus;
  private final PollScheduler scheduler;
  private final LastResults lastResults = new LastResults();
  private final ScheduledExecutorService housekeeping =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("housekeeping").daemon().factory());
  private final RavenwatchConfig config;
  private DiscordLink discordLink = new DiscordLink(null);
  private volatile ChatOutlets outlets = ChatOutlets.none();
  private final Clock clock;
  private AlertStore store;
  private AlertEngine engine;
  private HealthServer health;

  private Ravenwatch(RavenwatchConfig config, Clock clock, List<ResultListener> extraListeners) {
    this.config = config;
    this.clock = clock;
    this.resources = new ProbeResources(clock);
    SelfMetrics metrics = SelfMetrics.forLocalHost();
    this.writer = new InfluxWriter(config.influx(), config.dataDir(), clock, metrics);
    this.bus = new ResultBus();
    bus.subscribe(writer);
    bus.subscribe(lastResults);
    extraListeners.forEach(bus::subscribe);
    this.scheduler =
        new PollScheduler(
            config.inventory().targets(),
            ProbeRegistry.standard(config::ipmiProfiles, config::containerEngines),
            resources,
            bus,
            (type, elapsed, status) ->
                metrics.recordPoll(type, elapsed, status == ProbeResult.Status.OK),
            PollScheduler.Settings.defaults());
  }

  /** Starts everything; the caller closes the returned instance to stop. */
  public static Ravenwatch start(Setup setup, Clock clock, List<ResultListener> extraListeners) {
    RavenwatchConfig config = setup.config();
    var app = new Ravenwatch(config, clock, extraListeners);
    // Discord receivers deliver through this link once the chat has logged in; until then their
    // notifications wait in the outbox.
    app.discordLink = new DiscordLink(setup.discord().channels().alerts());
    try {
      app.writer.start();
      AlertsConfig alerts = setup.alerts();
      if (alerts.enabled()) {
        app.store = AlertStores.open(alerts.store(), config.dataDir(), clock);
        Map<String, Notifier> notifiers =
            NotifierRegistry.build(
                alerts.receivers(),
                new NotifierResources(clock, System.out, app.resources.http())
                    .withService(DiscordLink.class, app.discordLink));
        app.engine =
            AlertEngine.start(
                alerts,
                setup.rules(),
                config.inventory(),
                app.store,
                notifiers,
                config.influx(),
                new AlertHistory(app.writer::write),
                clock);
        app.bus.subscribe(app.engine);
        AlertEngine engine = app.engine;
        // "Silence until resolved" silences end when their alert resolves.
        app.housekeeping.scheduleWithFixedDelay(
            () -> sweepQuietly(engine), 30, 30, TimeUnit.SECONDS);
        // Scheduled maintenance windows open and close by time: announced once each.
        var maintenance =
            new MaintenanceDesk(
                engine,
                config.inventory(),
                app.lastResults,
                () -> app.outlets,
                app.writer::write,
                clock);
        app.housekeeping.scheduleWithFixedDelay(
            maintenance::sweep,
            MAINTENANCE_SWEEP.toSeconds(),
            MAINTENANCE_SWEEP.toSeconds(),
            TimeUnit.SECONDS);
      }
      app.scheduler.start();
      app.startHealth(setup, clock);
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
    logger.info("Ravenwatch is running: {} target(s)", config.inventory().size());
    return app;
  }

  private void startHealth(Setup setup, Clock clock) {
    HealthSettings settings = setup.health();
    if (!settings.enabled()) {
      return;
    }
    // A health port in use (a second Ravenwatch on this machine, say) must not stop the
    // monitoring itself: the endpoint is missing, which its callers notice, and the log says why.
    try {
      health =
          HealthServer.start(
              settings,
              HealthChecks.liveness(scheduler),
              HealthChecks.readiness(
                  scheduler,
                  this::store,
                  config.influx(),
                  writer,
                  discordLink,
                  setup.discord().hasToken(),
                  clock,
                  settings.checkTimeout()));
    } catch (UncheckedIOException e) {
      logger.error("{}: {}; running without it", e.getMessage(), e.getCause().toString());
    }
  }

  private static void sweepQuietly(AlertEngine engine) {
    try {
      UntilResolved.sweep(engine);
    } catch (RuntimeException e) {
      logger.warn("Could not end the silences of resolved alerts: {}", e.toString());
    }
  }

  /** What chat commands work with, on this running instance. */
  public BotContext botContext() {
    return new BotContext(clock, config, engine, scheduler, lastResults, outlets, writer::write);
  }

  /**
   * Where what happens by time (a scheduled maintenance window opening or closing) is announced:
   * the chat that runs sets it once it knows its outlets; until then nothing is announced.
   */
  public void useOutlets(ChatOutlets chatOutlets) {
    this.outlets = java.util.Objects.requireNonNull(chatOutlets);
  }

  /** The session Discord receivers post through; connected by the Discord chat. */
  public DiscordLink discordLink() {
    return discordLink;
  }

  /** The health endpoint, unless {@code health.enabled} is false. */
  public Optional<HealthServer> health() {
    return Optional.ofNullable(health);
  }

  public PollScheduler scheduler() {
    return scheduler;
  }

  public InfluxWriter writer() {
    return writer;
  }

  public ResultBus bus() {
    return bus;
  }

  /** The alert engine's store (also the audit trail's), unless {@code alerts.enabled} is false. */
  public Optional<AlertStore> store() {
    return Optional.ofNullable(store);
  }

  /** The alert engine, unless {@code alerts.enabled} is false. */
  public Optional<AlertEngine> alerts() {
    return Optional.ofNullable(engine);
  }

  /**
   * Stops the health endpoint and polling first, then the alert engine and its store, then flushes
   * the writer (to InfluxDB or the spool), then the shared resources.
   */
  @Override
  public void close() {
    if (health != null) {
      health.close();
    }
    if (outlets instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        logger.warn("Could not stop the chat outlets: {}", e.toString());
      }
    }
    housekeeping.shutdownNow();
    scheduler.stop();
    if (engine != null) {
      engine.close();
    }
    if (store != null) {
      store.close();
    }
    writer.close();
    resources.close();
    logger.info("Ravenwatch stopped");
  }
}
