package io.ravenwatch.alerts.engine;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.ack.AckBook;
import io.ravenwatch.alerts.ack.AckService;
import io.ravenwatch.alerts.api.Notifier;
import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.lifecycle.AlertRecord;
import io.ravenwatch.alerts.lifecycle.AlertTracker;
import io.ravenwatch.alerts.lifecycle.Changes;
import io.ravenwatch.alerts.maintenance.MaintenanceService;
import io.ravenwatch.alerts.notify.OutboxDispatcher;
import io.ravenwatch.alerts.query.InfluxQuery;
import io.ravenwatch.alerts.query.QueryRuleRunner;
import io.ravenwatch.alerts.receive.AlertReceiverServer;
import io.ravenwatch.alerts.route.Muting;
import io.ravenwatch.alerts.route.NotificationRouter;
import io.ravenwatch.alerts.rule.RuleEvaluator;
import io.ravenwatch.alerts.rule.RuleSet;
import io.ravenwatch.alerts.rule.TrackedAlerts;
import io.ravenwatch.alerts.silence.SilenceService;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ResultListener;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.influx.InfluxSettings;
import io.ravenwatch.probes.inventory.Inventory;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert engine assembled: probe results are evaluated by the rules the moment they arrive, each
 * alert's state change and the notifications it causes are committed in one transaction, and the
 * outbox dispatcher delivers them. A one-second tick drives the timers (keep_firing_for, staleness,
 * group_wait, repeat, escalation).
 *
 * <pre>{@code
 * AlertEngine engine = AlertEngine.start(config, rules, inventory, store, notifiers, influx, clock);
 * resultBus.subscribe(engine);
 * engine.silences().add(...);
 * engine.close(); // before closing the store
 * }</pre>
 */
public final class AlertEngine implements ResultListener, AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(AlertEngine.class);
  private static final Duration TICK = Duration.ofSeconds(1);

  /** How often the open alerts are counted into the history (Grafana's "open alerts"). */
  static final Duration ACTIVE_EVERY = Duration.ofSeconds(10);

  private final AlertStore store;
  private final Clock clock;
  private final RuleEvaluator evaluator;
  private final AlertTracker tracker;
  private final TrackedAlerts trackedAlerts;
  private final NotificationRouter router;
  private final OutboxDispatcher dispatcher;
  private final SilenceService silences;
  private final MaintenanceService maintenance;
  private final AckService acks;
  private final AlertHistory history;
  private final ScheduledExecutorService ticker;
  private QueryRuleRunner queryRules;
  private AlertReceiverServer receiver;

  private AlertEngine(
      AlertsConfig config,
      RuleSet rules,
      Inventory inventory,
      AlertStore store,
      Map<String, Notifier> notifiers,
      AlertHistory history,
      Clock clock) {
    this.store = store;
    this.clock = clock;
    this.history = history;
    // Probe-only rules (host_down) ask for a target's tags with every result: made once here.
    var targetTags = new HashMap<String, Map<String, String>>();
    for (Target t : inventory.targets()) {
      targetTags.put(t.name(), Collections.unmodifiableMap(t.pointTags()));
    }
    this.evaluator = RuleEvaluator.of(rules, name -> targetTags.getOrDefault(name, Map.of()));
    this.tracker = new AlertTracker(config.lifecycle(), clock);
    // Inactive results of alerts the lifecycle does not know change nothing: not even made.
    this.trackedAlerts = TrackedAlerts.of(tracker::tracksRule, tracker::tracks);
    this.silences = new SilenceService(store, clock);
    this.maintenance = new MaintenanceService(store, clock, inventory);
    var ackBook = new AckBook(store);
    this.router =
        new NotificationRouter(
            config.route(),
            store,
            clock,
            inventory,
            Muting.of(silences::mutedBy, maintenance::mutedBy),
            ackBook);
    router.onEscalation(history::escalated);
    this.acks = new AckService(ackBook, recordingAcks(router), clock);
    this.dispatcher =
        new OutboxDispatcher(store, notifiers, clock, OutboxDispatcher.Options.STANDARD);
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("alert-ticker").daemon().factory());
  }

  /**
   * Restores the persisted alert state and starts evaluating, ticking and delivering.
   *
   * @param influx where query rules run their InfluxQL; unused when no InfluxDB is configured
   */
  public static AlertEngine start(
      AlertsConfig config,
      RuleSet rules,
      Inventory inventory,
      AlertStore store,
      Map<String, Notifier> notifiers,
      InfluxSettings influx,
      Clock clock) {
    return start(config, rules, inventory, store, notifiers, influx, AlertHistory.NONE, clock);
  }

  /**
   * As {@link #start(AlertsConfig, RuleSet, Inventory, AlertStore, Map, InfluxSettings, Clock)},
   * writing every transition, acknowledgement and escalation and, every {@link #ACTIVE_EVERY}, the
   * open alerts to {@code history}.
   */
  public static AlertEngine start(
      AlertsConfig config,
      RuleSet rules,
      Inventory inventory,
      AlertStore store,
      Map<String, Notifier> notifiers,
      InfluxSettings influx,
      AlertHistory history,
      Clock clock) {
    var engine = new AlertEngine(config, rules, inventory, store, notifiers, history, clock);
    int restored = engine.tracker.restore(store.loadDocuments(AlertTracker.DOCUMENT_KIND));
    engine.dispatcher.start();
    engine.ticker.scheduleWithFixedDelay(
        engine::tickGuarded, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    if (history.keeps()) {
      engine.ticker.scheduleWithFixedDelay(
          engine::writeActive, TICK.toMillis(), ACTIVE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }
    if (influx.enabled() && !rules.enabledQueryRules().isEmpty()) {
      engine.queryRules =
          new QueryRuleRunner(
              rules.enabledQueryRules(), new InfluxQuery(influx), clock, engine::observe);
      engine.queryRules.start();
    }
    if (config.receive() != null) {
      engine.receiver = AlertReceiverServer.start(config.receive(), engine::observe, clock);
    }
    logger.info(
        "Alert engine running: {} rule(s), {} query rule(s), {} alert(s) restored, receivers {}",
        rules.enabled().size(),
        rules.enabledQueryRules().size(),
        restored,
        notifiers.keySet());
    return engine;
  }

  /** Evaluates a probe result against the rules; called on the probe's thread. */
  @Override
  public void onResult(ProbeResult result) {
    evaluator.evaluate(result, trackedAlerts, this::observe);
  }

  /**
   * Feeds one observation (from a rule, a query rule or an external alert) to the lifecycle. A
   * state change and its notifications are committed together while the alert is locked, so
   * concurrent changes of one alert commit in order.
   */
  public void observe(Observation observation) {
    try {
      boolean changed = tracker.observe(observation, this::commit);
      if (changed) {
        dispatcher.wake();
      }
    } catch (RuntimeException e) {
      // The tracker put the alert's previous state back; the router re-reads what was committed.
      router.reload();
      logger.error("Could not store the change of alert {}: {}", observation.rule(), e.toString());
    }
  }

  private boolean commit(Changes changes) {
    if (changes.isEmpty()) {
      return false;
    }
    store.inTransaction(
        tx -> {
          changes.persist(tx);
          changes.events().forEach(event -> router.onEvent(event, tx));
          return null;
        });
    history.transitions(changes.events());
    return true;
  }

  private void tickGuarded() {
    try {
      var now = clock.instant();
      tracker.tick(
          now,
          changes -> {
            try {
              commit(changes);
            } catch (RuntimeException e) {
              router.reload();
              throw e;
            }
          });
      router.tick(now);
      dispatcher.wake();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log and keep ticking.
      logger.error("Alert engine tick failed; retrying in {}", TICK, e);
    }
  }

  /** Writes the open alerts to the history now (also run every {@link #ACTIVE_EVERY}). */
  public void writeActive() {
    try {
      history.active(clock.instant(), tracker.snapshot());
    } catch (RuntimeException e) {
      logger.warn("Could not count the open alerts: {}", e.toString());
    }
  }

  /** The router as the ack directory, with each ack also written to the history. */
  private AckService.Directory recordingAcks(NotificationRouter directory) {
    return new AckService.Directory() {
      @Override
      public List<AckService.Candidate> resolve(String fingerprintOrGroup) {
        return directory.resolve(fingerprintOrGroup);
      }

      @Override
      public void acknowledged(List<Ack> made) {
        directory.acknowledged(made);
        history.acknowledged(
            made,
            tracker.snapshot().stream()
                .collect(
                    Collectors.toMap(AlertRecord::fingerprint, Function.identity(), (a, b) -> a)));
      }
    };
  }

  /** Runs the timers once now (tests drive a fake clock with this). */
  public void tick() {
    tickGuarded();
  }

  public SilenceService silences() {
    return silences;
  }

  public MaintenanceService maintenance() {
    return maintenance;
  }

  /**
   * The store the engine keeps its state in; the chat keeps its own small documents there (e.g.
   * which maintenance windows were announced) and reads receivers' message ids from the outbox.
   */
  public AlertStore store() {
    return store;
  }

  public AckService acks() {
    return acks;
  }

  /**
   * The incidents open now, with the targets they concern and the notification that opened them.
   */
  public List<NotificationRouter.OpenIncident> openIncidents() {
    return router.openIncidents();
  }

  /** Every alert the lifecycle knows, for status views. */
  public List<AlertRecord> alerts() {
    return tracker.snapshot();
  }

  /** Errors met evaluating conditions (logged once per rule). */
  public long evaluationErrors() {
    return evaluator.errors();
  }

  /** Stops evaluating, ticking and delivering; the caller closes the store afterwards. */
  @Override
  public void close() {
    ticker.shutdownNow();
    if (queryRules != null) {
      queryRules.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    dispatcher.close();
    logger.info("Alert engine stopped");
  }
}
