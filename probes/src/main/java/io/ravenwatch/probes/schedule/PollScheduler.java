package io.ravenwatch.probes.schedule;

import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.ResultListener;
import io.ravenwatch.probes.api.Target;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every probe of every target at its interval, with jitter, each run on its own virtual
 * thread within its target's time budget, and publishes the results.
 *
 * <p>Quartz fires one trigger per shard of targets (see {@link ShardJob}); the shard's tick starts
 * the probes that are due by the {@link PollPlan}. A probe never overlaps itself: a slot that comes
 * while its previous run is still going is skipped, as are slots lost while paused.
 *
 * <pre>{@code
 * var bus = new ResultBus();
 * bus.subscribe(influxWriter);
 * try (var poller = new PollScheduler(targets, ProbeRegistry.standard(), resources, bus,
 *     PollObserver.NONE, PollScheduler.Settings.defaults())) {
 *   poller.start();
 *   ...
 * }
 * }</pre>
 */
public final class PollScheduler implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(PollScheduler.class);

  /**
   * How the poller runs.
   *
   * @param shards how many Quartz triggers the targets are spread over (one job per shard)
   * @param tick how often each shard looks for due probes; the finest interval that makes sense
   * @param dispatchThreads Quartz threads: they only dispatch, the probes run on virtual threads
   * @param stopGrace how long {@link #stop()} waits for running probes before interrupting them
   * @param name the Quartz scheduler name: unique in a JVM, the same on every node of a cluster
   */
  public record Settings(
      int shards, Duration tick, int dispatchThreads, Duration stopGrace, String name) {

    public Settings {
      if (shards < 1) {
        throw new IllegalArgumentException("shards must be >= 1: " + shards);
      }
      if (tick.toMillis() < 10) {
        throw new IllegalArgumentException("tick must be >= 10ms: " + tick);
      }
      if (dispatchThreads < 1) {
        throw new IllegalArgumentException("dispatchThreads must be >= 1: " + dispatchThreads);
      }
      Objects.requireNonNull(stopGrace);
      Objects.requireNonNull(name);
    }

    /** 16 shards, a 1 s tick, 3 dispatch threads, 5 s to stop, scheduler name "ravenwatch". */
    public static Settings defaults() {
      return new Settings(16, Duration.ofSeconds(1), 3, Duration.ofSeconds(5), "ravenwatch");
    }

    public Settings withShards(int n) {
      return new Settings(n, tick, dispatchThreads, stopGrace, name);
    }

    public Settings withTick(Duration d) {
      return new Settings(shards, d, dispatchThreads, stopGrace, name);
    }

    public Settings withStopGrace(Duration d) {
      return new Settings(shards, tick, dispatchThreads, d, name);
    }

    public Settings withName(String n) {
      return new Settings(shards, tick, dispatchThreads, stopGrace, n);
    }
  }

  private enum State {
    NEW,
    RUNNING,
    STOPPING,
    STOPPED
  }

  private final List<Target> targets;
  private final ProbeRegistry registry;
  private final Clock clock;
  private final ResultListener results;
  private final PollObserver observer;
  private final Settings settings;
  private final Counters counters = new Counters();
  private final ProbeRunner runner;
  private volatile State state = State.NEW;
  private volatile PollPlan plan;
  private Scheduler quartz;

  /**
   * @param targets the inventory to poll
   * @param registry the probe types; one probe is created per (target, probe spec) at start
   * @param resources shared by the probes, and its clock decides due times; the caller closes it
   *     after {@link #stop()}
   * @param results receives every scheduled result (usually a {@link ResultBus})
   * @param observer told each scheduled poll's duration and outcome (self-monitoring)
   */
  public PollScheduler(
      List<Target> targets,
      ProbeRegistry registry,
      ProbeResources resources,
      ResultListener results,
      PollObserver observer,
      Settings settings) {
    this.targets = List.copyOf(targets);
    this.registry = registry;
    this.clock = resources.clock();
    this.results = results;
    this.observer = observer;
    this.settings = settings;
    this.runner = new ProbeRunner(resources);
  }

  /**
   * Creates every probe and starts polling.
   *
   * @throws IllegalArgumentException when a probe's type is not in the registry
   * @throws IllegalStateException when already started, or Quartz cannot start
   */
  public synchronized void start() {
    if (state != State.NEW) {
      throw new IllegalStateException("a poller starts only once; this one is " + state);
    }
    PollPlan p =
        PollPlan.create(targets, this::createProbe, settings.shards(), clock.instant(), counters);
    try {
      quartz = QuartzSetup.scheduler(settings);
      quartz.getContext().put(ShardJob.DISPATCHER, (ShardJob.Dispatcher) this::dispatch);
      plan = p;
      QuartzSetup.scheduleShards(quartz, settings);
      quartz.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the Quartz scheduler: " + e.getMessage(), e);
    }
    state = State.RUNNING;
    logger.info(
        "Polling {} targets ({} probes) in {} shards",
        p.targetCount(),
        p.probeCount(),
        p.shardCount());
  }

  /**
   * Stops triggering, waits up to the stop grace for running probes (their results are still
   * published), then interrupts the rest; their results are dropped. Idempotent.
   */
  public void stop() {
    synchronized (this) {
      if (state != State.RUNNING) {
        state = State.STOPPED;
        return;
      }
      try {
        quartz.shutdown(true); // waits only for dispatching ticks, which are quick
      } catch (SchedulerException e) {
        logger.warn("Stopping the Quartz scheduler failed: {}", e.getMessage());
      }
    }
    try {
      if (!runner.awaitIdle(settings.stopGrace())) {
        state = State.STOPPING;
        int n = runner.interruptAll();
        logger.info(
            "Stopped polling; interrupted {} probe runs still going after {}",
            n,
            ProbeRunner.human(settings.stopGrace()));
        runner.awaitIdle(Duration.ofSeconds(1));
      } else {
        logger.info("Stopped polling");
      }
    } catch (InterruptedException e) {
      state = State.STOPPING;
      runner.interruptAll();
      Thread.currentThread().interrupt();
    }
    state = State.STOPPED;
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Runs every probe of one target now, concurrently, and returns their results in the target's
   * probe order once all ended or were cut off at their budget. Uses fresh probe instances, so it
   * never disturbs (nor overlaps) the scheduled ones; results are returned, not published. Works
   * whether or not the poller is started.
   *
   * @throws IllegalArgumentException when a probe's type is not in the registry
   */
  public List<ProbeResult> runOnce(Target target) throws InterruptedException {
    var futures = new ArrayList<CompletableFuture<ProbeResult>>();
    for (ProbeSpec spec : target.probes()) {
      Probe probe = createProbe(target, spec);
      futures.add(runner.start(target, spec, probe, r -> {}, () -> {}));
    }
    var out = new ArrayList<ProbeResult>(futures.size());
    for (CompletableFuture<ProbeResult> f : futures) {
      try {
        out.add(f.get()); // completes at the latest at the probe's budget
      } catch (ExecutionException e) {
        throw new IllegalStateException("a probe run ended without a result", e.getCause());
      }
    }
    return out;
  }

  /**
   * Whether polling is on: started, not stopped, and Quartz's threads up (for health checks). False
   * before {@link #start()} and after {@link #stop()}.
   */
  public boolean running() {
    if (state != State.RUNNING) {
      return false;
    }
    Scheduler q = quartz; // written before the volatile state, so visible here
    try {
      return q != null && q.isStarted() && !q.isShutdown() && !q.isInStandbyMode();
    } catch (SchedulerException e) {
      return false;
    }
  }

  /** The counters since start. */
  public PollCounters counters() {
    return counters.snapshot();
  }

  /** The plan (probes, shards, due times) once started; for diagnostics and tests. */
  public PollPlan plan() {
    return plan;
  }

  private void dispatch(int shard) {
    PollPlan p = plan;
    if (p == null || state != State.RUNNING) {
      return;
    }
    for (ProbeSlot slot : p.due(shard, clock.instant())) {
      counters.started.increment();
      runner.start(slot.target(), slot.spec(), slot.probe(), r -> record(slot, r), slot::finished);
    }
  }

  private void record(ProbeSlot slot, ProbeResult r) {
    if (state == State.STOPPING) {
      return; // interrupted by stop(): not a real outcome
    }
    switch (r.status()) {
      case OK -> counters.completed.increment();
      case FAILED -> {
        counters.completed.increment();
        counters.failed.increment();
      }
      case TIMED_OUT -> {
        counters.timedOut.increment();
        if (slot.firstTimeout()) {
          logger.warn("{}; later timeouts of this probe are not logged", r.reason());
        }
      }
    }
    try {
      observer.onPoll(r.type(), r.elapsed(), r.status());
    } catch (RuntimeException e) {
      logger.error("Poll observer failed on {}", slot, e);
    }
    try {
      results.onResult(r);
    } catch (RuntimeException e) {
      logger.error("Result listener failed on {}", slot, e);
    }
  }

  private Probe createProbe(Target target, ProbeSpec spec) {
    return registry
        .find(spec.type())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown probe type '"
                        + spec.type()
                        + "' for probe "
                        + spec.name()
                        + " of "
                        + target.name()))
        .create(target, spec.settings());
  }
}
