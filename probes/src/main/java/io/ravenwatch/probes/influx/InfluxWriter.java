package io.ravenwatch.probes.influx;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ResultListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes points to InfluxDB in batches (by size and by time) from one flusher thread, and keeps
 * every point it cannot write in a bounded on-disk {@link Spool} until InfluxDB takes it, in order.
 *
 * <ul>
 *   <li>Probe threads only queue points ({@link #onResult}); when the in-memory queue is full, its
 *       content goes to the spool instead of being dropped.
 *   <li>Connection failures, timeouts and server errors send the batch to the spool and start an
 *       exponential backoff (1 s doubling to 60 s, jittered); while the spool is not empty, new
 *       batches join it behind the old ones and it is replayed oldest first.
 *   <li>Points InfluxDB refuses as malformed (HTTP 400) are logged with its reason and counted,
 *       never retried: they cannot block the points behind them.
 *   <li>{@link #close()} writes or spools what is still in memory; a new writer on the same data
 *       directory replays the spool. Without a {@code url}, every point goes to the spool.
 * </ul>
 *
 * <pre>{@code
 * InfluxWriter writer = new InfluxWriter(settings, dataDir, Clock.systemUTC(), SelfMetrics.forLocalHost());
 * writer.start();
 * scheduler.addListener(writer);
 * writer.write(List.of(annotationPoint));
 * // at shutdown, after the scheduler has stopped:
 * writer.close();
 * }</pre>
 */
public final class InfluxWriter implements ResultListener, AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(InfluxWriter.class);

  /**
   * Knobs configuration does not expose.
   *
   * @param queueCapacity points held in memory before they overflow to the spool
   * @param selfMetricsInterval how often {@link SelfMetrics} are written
   * @param backoffInitial the first wait after a failed write
   * @param backoffMax the longest wait between attempts
   */
  record Tuning(
      int queueCapacity,
      Duration selfMetricsInterval,
      Duration backoffInitial,
      Duration backoffMax) {
    static Tuning defaults(InfluxSettings settings) {
      return new Tuning(
          Math.max(10 * settings.batchSize(), 50_000),
          Duration.ofSeconds(10),
          Duration.ofSeconds(1),
          Duration.ofSeconds(60));
    }
  }

  private final InfluxSettings settings;
  private final Clock clock;
  private final SelfMetrics metrics;
  private final Tuning tuning;
  private final Spool spool;
  private final InfluxTransport transport; // null: spool only
  private final PointQueue queue;
  private final AtomicLong nextSeq;
  private final Backoff backoff;
  private volatile boolean running;
  private volatile boolean stopped;
  private Thread flusher;

  // Owned by the flusher thread.
  private String outage; // why InfluxDB is being avoided, or null
  private boolean replayingFromStart;
  private long replayed;
  private Instant nextAttempt = Instant.MIN;
  private Instant nextSelfMetrics = Instant.MIN;

  /**
   * Opens the spool under {@code dataDir/spool}; {@link #start()} starts writing.
   *
   * @throws UncheckedIOException when the spool directory cannot be used
   */
  public InfluxWriter(InfluxSettings settings, Path dataDir, Clock clock, SelfMetrics metrics) {
    this(settings, dataDir, clock, metrics, Tuning.defaults(settings));
  }

  InfluxWriter(
      InfluxSettings settings, Path dataDir, Clock clock, SelfMetrics metrics, Tuning tuning) {
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    this.tuning = tuning;
    try {
      this.spool = Spool.open(dataDir.resolve("spool"), settings.spoolMaxSize().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the spool in " + dataDir.resolve("spool"), e);
    }
    this.transport = settings.enabled() ? new InfluxTransport(settings) : null;
    this.nextSeq = new AtomicLong(spool.lastSeq() + 1);
    this.queue = new PointQueue(tuning.queueCapacity(), nextSeq);
    this.backoff =
        new Backoff(
            tuning.backoffInitial(),
            tuning.backoffMax(),
            () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Starts the flusher thread; a spool left by an earlier run is replayed first. */
  public synchronized void start() {
    if (flusher != null) {
      throw new IllegalStateException("already started");
    }
    if (transport == null) {
      logger.info(
          "No InfluxDB url configured: points go only to the spool {} (at most {} bytes), to be"
              + " written once one is configured",
          spool.dir(),
          settings.spoolMaxSize().bytes());
    } else {
      logger.info(
          "Writing to InfluxDB at {} database {} every {}",
          transport.safeUrl(),
          settings.database(),
          human(settings.flushInterval()));
      if (!spool.isEmpty()) {
        logger.info(
            "Replaying {} points ({} bytes) left in the spool {}",
            spool.points(),
            spool.bytes(),
            spool.dir());
        replayingFromStart = true;
      }
    }
    nextSelfMetrics = clock.instant().plus(tuning.selfMetricsInterval());
    running = true;
    flusher = Thread.ofPlatform().name("influx-writer").daemon(true).start(this::run);
  }

  /** Queues the result's points; never blocks on InfluxDB. */
  @Override
  public void onResult(ProbeResult result) {
    write(result.points());
  }

  /** Queues arbitrary points (annotations, self-metrics of other components). */
  public void write(Collection<Point> points) {
    if (stopped) {
      toSpool(nextSeq.getAndIncrement(), lines(List.copyOf(points)));
      return;
    }
    for (Point p : points) {
      while (!queue.offer(p)) {
        overflow();
      }
    }
  }

  /** The self-metrics this writer records into. */
  public SelfMetrics metrics() {
    return metrics;
  }

  /** Points waiting in the on-disk spool. */
  public long spooledPoints() {
    return spool.points();
  }

  /**
   * Stops the flusher: points still in memory are written to InfluxDB if it is healthy, otherwise
   * spooled. Stop the producers (the scheduler) first; points that arrive later go to the spool.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      running = false;
    }
    queue.wake();
    Thread thread = flusher;
    if (thread != null) {
      Duration limit = settings.timeout().multipliedBy(2).plus(settings.flushInterval());
      try {
        if (!thread.join(limit.plusSeconds(5))) {
          logger.error("The InfluxDB writer did not stop within {}", human(limit));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (PointQueue.Batch late : queue.drainAll(settings.batchSize())) {
      toSpool(late.seq(), lines(late.points()));
    }
    if (transport != null) {
      transport.close();
    }
    logger.info("InfluxDB writer stopped; {} points in the spool {}", spool.points(), spool.dir());
  }

  private void run() {
    while (running) {
      try {
        PointQueue.Batch collected = queue.collect(settings.batchSize(), waitLimit());
        List<Point> batch = new ArrayList<>(collected.points());
        long seq = collected.seq() >= 0 ? collected.seq() : nextSeq.getAndIncrement();
        Instant now = clock.instant();
        if (!now.isBefore(nextSelfMetrics)) {
          batch.addAll(metrics.drain(now, spool.bytes(), spool.points(), queue.size()));
          nextSelfMetrics = now.plus(tuning.selfMetricsInterval());
        }
        if (!batch.isEmpty()) {
          deliver(seq, batch);
        }
        replayIfDue();
      } catch (InterruptedException e) {
        logger.warn("The InfluxDB writer was interrupted; stopping");
        running = false;
      } catch (RuntimeException | Error e) {
        // one bad iteration must not kill the only thread that writes
        logger.error("The InfluxDB writer failed; carrying on", e);
      }
    }
    for (PointQueue.Batch rest : queue.drainAll(settings.batchSize())) {
      deliver(rest.seq(), rest.points());
    }
  }

  private Duration waitLimit() {
    Instant now = clock.instant();
    Instant until = now.plus(settings.flushInterval());
    if (transport != null && !spool.isEmpty() && nextAttempt.isBefore(until)) {
      until = nextAttempt;
    }
    if (nextSelfMetrics.isBefore(until)) {
      until = nextSelfMetrics;
    }
    return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
  }

  /** Writes a fresh batch, or spools it while InfluxDB is away or older points wait. */
  private void deliver(long seq, List<Point> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<String> lines = lines(batch);
    if (transport == null || !spool.isEmpty() || clock.instant().isBefore(nextAttempt)) {
      toSpool(seq, lines);
      return;
    }
    if (handle(transport.write(lines), lines.size(), false)) {
      recovered();
    } else {
      toSpool(seq, lines);
    }
  }

  /**
   * Replays the oldest spooled points once the backoff allows it. A write that failed (say, timed
   * out) may have been stored by InfluxDB all the same; replaying it creates no duplicates: every
   * point carries its explicit timestamp and InfluxDB keeps one point per measurement, tag set and
   * timestamp, so the second write overwrites the first with identical fields.
   */
  private void replayIfDue() {
    if (transport == null || spool.isEmpty() || clock.instant().isBefore(nextAttempt)) {
      return;
    }
    List<SpoolSegment> segments = spool.oldest(settings.batchSize());
    List<String> lines = new ArrayList<>();
    for (SpoolSegment s : segments) {
      lines.addAll(spool.read(s));
    }
    try {
      if (lines.isEmpty() || handle(transport.write(lines), lines.size(), true)) {
        spool.remove(segments);
        recovered();
      }
    } catch (IOException e) {
      nextAttempt = clock.instant().plus(backoff.next()); // not a hot loop of rewrites
      logger.error("Cannot delete replayed spool segments in {}", spool.dir(), e);
    }
  }

  /** Counts and logs an outcome; true when the points are done with (stored or refused). */
  private boolean handle(WriteOutcome outcome, int points, boolean fromSpool) {
    switch (outcome) {
      case WriteOutcome.Written w -> {
        metrics.written(w.points());
        if (fromSpool) {
          metrics.replayed(w.points());
          replayed += w.points();
        }
        return true;
      }
      case WriteOutcome.Rejected r -> {
        metrics.rejected(r.points());
        metrics.written(points - r.points());
        logger.warn(
            "InfluxDB refused {} of {} points as malformed; they are dropped, the others were"
                + " stored: {}",
            r.points(),
            points,
            abbreviate(r.reason()));
        return true;
      }
      case WriteOutcome.Unavailable u -> {
        metrics.writeError();
        Duration wait = backoff.next();
        nextAttempt = clock.instant().plus(wait);
        if (outage == null) {
          outage = u.reason();
          replayed = 0;
          logger.warn(
              "InfluxDB unreachable ({}); spooling to {}, next attempt in {}",
              abbreviate(u.reason()),
              spool.dir(),
              human(wait));
        } else {
          logger.debug("InfluxDB still unreachable ({}); next attempt in {}", u.reason(), wait);
        }
        return false;
      }
    }
  }

  private void recovered() {
    backoff.reset();
    nextAttempt = Instant.MIN;
    if (!spool.isEmpty()) {
      return;
    }
    if (outage != null) {
      logger.warn("InfluxDB is back; replayed {} points from the spool", replayed);
    } else if (replayingFromStart) {
      logger.info("Replayed {} points from the spool", replayed);
    }
    outage = null;
    replayingFromStart = false;
    replayed = 0;
  }

  /**
   * The queue is full: the flusher has fallen far behind, so the queue's content goes to disk. The
   * spool's lock is held from the drain to the last append so that the flusher neither replays nor
   * spools a later batch before these older points are on disk.
   */
  private void overflow() {
    synchronized (spool) {
      List<PointQueue.Batch> spill = queue.drainAll(settings.batchSize());
      int points = spill.stream().mapToInt(b -> b.points().size()).sum();
      logger.warn(
          "The InfluxDB writer's queue is full ({} points): spooling them to {}",
          points,
          spool.dir());
      for (PointQueue.Batch b : spill) {
        toSpool(b.seq(), lines(b.points()));
      }
    }
  }

  private void toSpool(long seq, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    try {
      Spool.Appended appended = spool.append(seq, lines);
      metrics.spooled(appended.spooled());
      metrics.dropped(appended.dropped());
    } catch (IOException | RuntimeException e) {
      metrics.dropped(lines.size());
      logger.error("Cannot write to the spool {}: {} points lost", spool.dir(), lines.size(), e);
    }
  }

  private static List<String> lines(List<Point> points) {
    List<String> lines = new ArrayList<>(points.size());
    for (Point p : points) {
      lines.add(p.toLineProtocol());
    }
    return lines;
  }

  private static String abbreviate(String s) {
    return s.length() <= 500 ? s : s.substring(0, 500) + "…";
  }

  static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
