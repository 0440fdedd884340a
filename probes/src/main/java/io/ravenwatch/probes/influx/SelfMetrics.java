package io.ravenwatch.probes.influx;

import io.ravenwatch.probes.api.Point;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ravenwatch's own health, written by the {@link InfluxWriter} into the {@code ravenwatch}
 * measurement with tags {@code host} (this machine) and {@code component}. Thread-safe: any
 * component may record into it.
 *
 * <ul>
 *   <li>{@code component=influx}: counters since start — {@code points_written}, {@code
 *       points_spooled}, {@code points_replayed}, {@code points_dropped} (spool full), {@code
 *       points_rejected} (refused by InfluxDB as malformed), {@code write_errors} — and gauges
 *       {@code spool_bytes}, {@code spool_points}, {@code queue_points}.
 *   <li>{@code component=poller}, {@code probe_type=…}: per emission interval — {@code polls},
 *       {@code failures}, {@code duration_sum_ms}, {@code duration_max_ms}. Only probe types that
 *       ran in the interval are written.
 * </ul>
 *
 * <pre>{@code
 * // in the scheduler, after each probe run:
 * selfMetrics.recordPoll(result.type(), result.elapsed(), result.ok());
 * }</pre>
 */
public final class SelfMetrics {
  /** The measurement every self-metric point goes to. */
  public static final String MEASUREMENT = "ravenwatch";

  private final String host;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong spooled = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong writeErrors = new AtomicLong();
  private final Map<String, PollStats> polls = new ConcurrentHashMap<>();

  /**
   * @param host the {@code host} tag, usually {@link #localHostName()}
   */
  public SelfMetrics(String host) {
    this.host = host;
  }

  /** Self-metrics tagged with this machine's name. */
  public static SelfMetrics forLocalHost() {
    return new SelfMetrics(localHostName());
  }

  /** This machine's host name, as Telegraf's {@code host} tag would have it. */
  public static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "localhost" : env;
    }
  }

  /** Records one probe run of type {@code probeType}: how long it took and whether it succeeded. */
  public void recordPoll(String probeType, Duration elapsed, boolean ok) {
    polls.computeIfAbsent(probeType, t -> new PollStats()).add(elapsed, ok);
  }

  public long pointsWritten() {
    return written.get();
  }

  public long pointsSpooled() {
    return spooled.get();
  }

  public long pointsReplayed() {
    return replayed.get();
  }

  public long pointsDropped() {
    return dropped.get();
  }

  public long pointsRejected() {
    return rejected.get();
  }

  public long writeErrors() {
    return writeErrors.get();
  }

  void written(long n) {
    written.addAndGet(n);
  }

  void spooled(long n) {
    spooled.addAndGet(n);
  }

  void replayed(long n) {
    replayed.addAndGet(n);
  }

  void dropped(long n) {
    dropped.addAndGet(n);
  }

  void rejected(long n) {
    rejected.addAndGet(n);
  }

  void writeError() {
    writeErrors.incrementAndGet();
  }

  /**
   * The points for this interval, timestamped {@code now}; resets the per-interval poll figures.
   */
  List<Point> drain(Instant now, long spoolBytes, long spoolPoints, long queuePoints) {
    List<Point> out = new ArrayList<>();
    out.add(
        Point.builder(MEASUREMENT, now)
            .tag("host", host)
            .tag("component", "influx")
            .field("points_written", written.get())
            .field("points_spooled", spooled.get())
            .field("points_replayed", replayed.get())
            .field("points_dropped", dropped.get())
            .field("points_rejected", rejected.get())
            .field("write_errors", writeErrors.get())
            .field("spool_bytes", spoolBytes)
            .field("spool_points", spoolPoints)
            .field("queue_points", queuePoints)
            .build());
    polls.forEach(
        (type, stats) -> {
          PollStats.Snapshot s = stats.snapshotAndReset();
          if (s.count() > 0) {
            out.add(
                Point.builder(MEASUREMENT, now)
                    .tag("host", host)
                    .tag("component", "poller")
                    .tag("probe_type", type)
                    .field("polls", s.count())
                    .field("failures", s.failures())
                    .field("duration_sum_ms", s.totalNanos() / 1e6)
                    .field("duration_max_ms", s.maxNanos() / 1e6)
                    .build());
          }
        });
    return out;
  }

  /** One probe type's figures for the current interval. */
  private static final class PollStats {
    private long count;
    private long failures;
    private long totalNanos;
    private long maxNanos;

    record Snapshot(long count, long failures, long totalNanos, long maxNanos) {}

    synchronized void add(Duration elapsed, boolean ok) {
      long nanos = elapsed.toNanos();
      count++;
      failures += ok ? 0 : 1;
      totalNanos += nanos;
      maxNanos = Math.max(maxNanos, nanos);
    }

    synchronized Snapshot snapshotAndReset() {
      Snapshot s = new Snapshot(count, failures, totalNanos, maxNanos);
      count = failures = totalNanos = maxNanos = 0;
      return s;
    }
  }
}
