package io.ravenwatch.bench;

import static io.ravenwatch.bench.AlertBench.row;

import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notifier;
import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.engine.AlertsConfig;
import io.ravenwatch.alerts.engine.AlertsSection;
import io.ravenwatch.alerts.rule.RuleSet;
import io.ravenwatch.alerts.store.AlertStores;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The latency half of {@link AlertBench}: group_wait 0, {@code service_down_tcp} overridden to
 * {@code for: 0s}, alerts grouped by {@code [alertname, source]} so that every incident is a new
 * group. For each incident a failing TCP result of a host not seen before is handed to the engine
 * on the calling thread (as the scheduler does); the time runs until the notifier's {@code deliver}
 * is called with its FIRING notification — evaluation, the transition, the router, the commit of
 * state and outbox, the dispatcher waking and reading the outbox. Real clock, real H2 store.
 */
final class AlertLatency {
  private static final int WARMUP_INCIDENTS = 300;
  private static final String ROUTE =
      "{group_wait: 0s, group_by: [alertname, source], receivers: [bench]}";
  private static final String PREFIX = "lat";

  private AlertLatency() {}

  static void run(AlertBench.Options o, List<String[]> rows) throws Exception {
    int hosts = WARMUP_INCIDENTS + o.incidents() + o.burst();
    RavenwatchConfig config = AlertBench.config(PREFIX, hosts, o.groups(), ROUTE);
    AlertsConfig alerts = config.section(AlertsSection.SECTION);
    RuleSet rules = AlertBench.rules(o, "override:\n  service_down_tcp: {for: 0s}\n");
    List<Target> targets = AlertFleet.targets(config.inventory(), PREFIX, hosts);
    Clock clock = Clock.systemUTC();
    var deliveredAt = new AtomicLongArray(hosts);
    Notifier notifier =
        (n, replyTo) -> {
          long now = System.nanoTime();
          if (n.kind() == Notification.Kind.FIRING) {
            for (AlertSummary a : n.alerts()) {
              deliveredAt.compareAndSet(Integer.parseInt(a.target().substring(3)), 0, now);
            }
          }
          return DeliveryResult.delivered("m" + n.id());
        };
    Path dataDir = Files.createTempDirectory("alertbench-lat");
    var store = AlertStores.open(alerts.store(), dataDir, clock);
    var engine =
        AlertEngine.start(
            alerts,
            rules,
            config.inventory(),
            store,
            Map.of("bench", notifier),
            config.influx(),
            clock);
    long[] sentAt = new long[hosts];
    long[] returnedAt = new long[hosts];
    try {
      System.out.printf(
          "latency: %d rules, %d warm-up, %d spaced %d ms apart, a burst of %d%n",
          rules.enabled().size(), WARMUP_INCIDENTS, o.incidents(), o.spacingMillis(), o.burst());
      long spacing = o.spacingMillis() * 1_000_000L;
      feed(engine, targets, clock, 0, WARMUP_INCIDENTS, spacing, sentAt, returnedAt);
      awaitDelivered(deliveredAt, 0, WARMUP_INCIDENTS);
      int from = WARMUP_INCIDENTS;
      feed(engine, targets, clock, from, from + o.incidents(), spacing, sentAt, returnedAt);
      awaitDelivered(deliveredAt, from, from + o.incidents());
      report(
          rows,
          "spaced, one every %d ms".formatted(o.spacingMillis()),
          sentAt,
          returnedAt,
          deliveredAt,
          from,
          from + o.incidents());
      from += o.incidents();
      if (o.burst() > 0) {
        feed(engine, targets, clock, from, from + o.burst(), 0, sentAt, returnedAt);
        awaitDelivered(deliveredAt, from, from + o.burst());
        report(
            rows,
            "a burst of %d back to back".formatted(o.burst()),
            sentAt,
            returnedAt,
            deliveredAt,
            from,
            from + o.burst());
        long last = 0;
        for (int i = from; i < from + o.burst(); i++) {
          last = Math.max(last, deliveredAt.get(i));
        }
        rows.add(
            row(
                "burst: first result in → last notification out",
                "%.1f ms".formatted((last - sentAt[from]) / 1e6)));
      }
    } finally {
      engine.close();
      store.close();
      AlertBench.deleteTree(dataDir);
    }
  }

  /** Hands one failing result per host to the engine, {@code spacing} ns apart (0: at once). */
  private static void feed(
      AlertEngine engine,
      List<Target> targets,
      Clock clock,
      int from,
      int to,
      long spacing,
      long[] sentAt,
      long[] returnedAt) {
    long start = System.nanoTime();
    for (int i = from; i < to; i++) {
      long due = start + (i - from) * spacing;
      for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
        LockSupport.parkNanos(due - now);
      }
      // The probe made its result before it is handed over: not part of the latency.
      ProbeResult result = AlertFleet.tcpDown(targets.get(i), clock.instant());
      sentAt[i] = System.nanoTime();
      engine.onResult(result);
      returnedAt[i] = System.nanoTime();
    }
  }

  private static void awaitDelivered(AtomicLongArray deliveredAt, int from, int to)
      throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    for (int i = from; i < to; i++) {
      while (deliveredAt.get(i) == 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("incident " + i + " was not notified within 120 s");
        }
        Thread.sleep(5); // a benchmark's own pacing, not a test waiting for a condition
      }
    }
  }

  private static void report(
      List<String[]> rows,
      String what,
      long[] sentAt,
      long[] returnedAt,
      AtomicLongArray deliveredAt,
      int from,
      int to) {
    long[] total = new long[to - from];
    long[] call = new long[to - from];
    for (int i = from; i < to; i++) {
      total[i - from] = deliveredAt.get(i) - sentAt[i];
      call[i - from] = returnedAt[i] - sentAt[i];
    }
    rows.add(row("**latency**, " + what + " (n = " + total.length + ")", ""));
    rows.add(row("result in → notifier called: p50 / p90 / p99 / max", percentiles(total)));
    rows.add(
        row("of which onResult (evaluate + commit): p50 / p90 / p99 / max", percentiles(call)));
  }

  private static String percentiles(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return "%s / %s / %s / %s ms"
        .formatted(ms(at(s, 0.50)), ms(at(s, 0.90)), ms(at(s, 0.99)), ms(s[s.length - 1]));
  }

  /** The nearest-rank percentile. */
  private static long at(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static String ms(long nanos) {
    return "%.2f".formatted(nanos / 1e6);
  }
}
