package io.ravenwatch.bench;

import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.api.Notifier;
import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.engine.AlertsConfig;
import io.ravenwatch.alerts.engine.AlertsSection;
import io.ravenwatch.alerts.lifecycle.AlertRecord;
import io.ravenwatch.alerts.rule.RuleEvaluator;
import io.ravenwatch.alerts.rule.RuleLoader;
import io.ravenwatch.alerts.rule.RuleSet;
import io.ravenwatch.alerts.rule.RuleSource;
import io.ravenwatch.alerts.store.AlertStores;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import io.ravenwatch.testkit.MutableClock;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The alert engine, assembled as Ravenwatch runs it (rules → lifecycle → router → outbox in the
 * embedded H2 store → dispatcher → notifier), measured two ways:
 *
 * <ul>
 *   <li><b>throughput</b>: one thread feeds the probe results of a simulated fleet (1,000 hosts in
 *       100 groups, five probes each, a few incidents starting and ending) through 1,000 rules —
 *       the 10 shipped ones and 990 generated ones scoped to groups. Time is simulated: one pass
 *       over the fleet is one poll interval, so {@code for}, group_interval and staleness see the
 *       fleet's rhythm. Building the results is not timed; evaluating, the state machines, the
 *       router and the store commits are.
 *   <li><b>latency</b> ({@link AlertLatency}): with group_wait 0 and {@code service_down_tcp} at
 *       {@code for: 0s}, from a failing result handed to the engine to its notification leaving the
 *       outbox, spaced out and in a burst.
 * </ul>
 *
 * <pre>
 * bench/run AlertBench [--mode all|throughput|latency] [--warmup 20s] [--measure 30s]
 *     [--targets 1000] [--groups 100] [--rules 990] [--incident-percent 1] [--poll 10s]
 *     [--incidents 2000] [--spacing-ms 5] [--burst 500]
 * BENCH_JAVA_OPTS=... taskset -c 0 bench/run AlertBench   # the JVM on one CPU
 * </pre>
 */
public final class AlertBench {
  static final Instant SIM_START = Instant.parse("2026-11-22T00:00:00Z");

  private AlertBench() {}

  public static void main(String[] args) throws Exception {
    var o = Options.parse(args);
    System.out.println("AlertBench " + o);
    System.out.printf(
        "JVM sees %d CPU(s); heap max %s%n",
        Runtime.getRuntime().availableProcessors(), mib(Runtime.getRuntime().maxMemory()));
    var rows = new ArrayList<String[]>();
    if (!o.mode.equals("latency")) {
      throughput(o, rows);
    }
    if (!o.mode.equals("throughput")) {
      AlertLatency.run(o, rows);
    }
    System.out.println();
    System.out.println("| figure | value |");
    System.out.println("|---|---|");
    for (String[] r : rows) {
      System.out.println("| " + r[0] + " | " + r[1] + " |");
    }
    System.exit(0); // the store's pool and H2 leave no daemon thread behind, but be sure
  }

  static RuleSet rules(Options o, String extra) {
    var sources = new ArrayList<RuleSource>();
    sources.add(new RuleSource("bench.yml", AlertFleet.generatedRulesYaml(o.rules, o.groups)));
    if (extra != null) {
      sources.add(new RuleSource("bench-override.yml", extra));
    }
    return RuleLoader.standard().load(sources, true);
  }

  static RavenwatchConfig config(String prefix, int hosts, int groups, String route) {
    return ConfigLoader.parse(
        AlertFleet.configYaml(prefix, hosts, groups, route),
        "bench.yml",
        Map.of(),
        ProbeRegistry.standard(),
        List.of(AlertsSection.SECTION));
  }

  private static void throughput(Options o, List<String[]> rows) throws Exception {
    var clock = new MutableClock(SIM_START);
    RavenwatchConfig config = config("host", o.targets, o.groups, "{receivers: [bench]}");
    AlertsConfig alerts = config.section(AlertsSection.SECTION);
    RuleSet rules = rules(o, null);
    List<Target> targets = AlertFleet.targets(config.inventory(), "host", o.targets);
    double observationsPerResult = observationsPerResult(rules, targets, config);
    Path dataDir = Files.createTempDirectory("alertbench");
    var delivered = new LongAdder();
    Notifier notifier =
        (n, replyTo) -> {
          delivered.increment();
          return DeliveryResult.delivered("m" + n.id());
        };
    var store = new CountingAlertStore(AlertStores.open(alerts.store(), dataDir, clock));
    var engine =
        AlertEngine.start(
            alerts,
            rules,
            config.inventory(),
            store,
            Map.of("bench", notifier),
            config.influx(),
            clock);
    var incidents = new AlertFleet.Incidents(o.targets, o.incidentPercent, 30);
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    var batch = new ArrayList<ProbeResult>(o.targets * 5);
    store.caller = Thread.currentThread();
    try {
      System.out.printf(
          "throughput: %d rules, %d hosts, %.1f observations per result; warming up %ds...%n",
          rules.enabled().size(), o.targets, observationsPerResult, o.warmup.toSeconds());
      Snapshot start = null;
      long engineNanos = 0;
      long results = 0;
      long failed = 0;
      long polls = 0;
      long warmupEnd = System.nanoTime() + o.warmup.toNanos();
      long end = Long.MAX_VALUE;
      while (System.nanoTime() < end) {
        if (start == null && System.nanoTime() >= warmupEnd) {
          start = Snapshot.take(store, delivered, incidents, threads);
          end = System.nanoTime() + o.measure.toNanos();
        }
        incidents.next();
        batch.clear();
        Instant now = clock.instant();
        for (int h = 0; h < targets.size(); h++) {
          AlertFleet.poll(targets.get(h), now, incidents.of(h), batch);
        }
        long t0 = System.nanoTime();
        for (ProbeResult r : batch) {
          engine.onResult(r);
        }
        long spent = System.nanoTime() - t0;
        clock.advance(o.poll);
        if (start != null) {
          engineNanos += spent;
          results += batch.size();
          polls++;
          for (ProbeResult r : batch) {
            failed += r.ok() ? 0 : 1;
          }
        }
      }
      Snapshot stop = Snapshot.take(store, delivered, incidents, threads);
      double engineSeconds = engineNanos / 1e9;
      double wallSeconds = (stop.nanos - start.nanos) / 1e9;
      double feederCpuSeconds = (stop.feederCpu - start.feederCpu) / 1e9;
      double rate = results / engineSeconds;
      rows.add(row("**throughput** (one feeding thread)", ""));
      rows.add(
          row(
              "rules (shipped + generated, scoped to 1 of " + o.groups + " groups)",
              rules.enabled().size() + ""));
      rows.add(row("hosts × probes", o.targets + " × 5 (ping, http, tcp, disk ×3 paths, snmp)"));
      rows.add(row("probe results/s through the engine", "%,.0f".formatted(rate)));
      rows.add(
          row(
              "observations/s (%.1f per result)".formatted(observationsPerResult),
              "%,.0f".formatted(rate * observationsPerResult)));
      rows.add(
          row(
              "µs per result (engine time / feeder CPU time)",
              "%.2f / %.2f"
                  .formatted(engineNanos / 1e3 / results, feederCpuSeconds * 1e6 / results)));
      rows.add(
          row(
              "results in the window / simulated polls",
              "%,d / %,d (%s simulated)"
                  .formatted(results, polls, Duration.ofSeconds(polls * o.poll.toSeconds()))));
      rows.add(
          row(
              "failing results / incidents started",
              "%.2f %% / %,d"
                  .formatted(100.0 * failed / results, stop.incidents - start.incidents)));
      rows.add(
          row(
              "transitions committed by the feeder (/s)",
              "%,d (%,.0f/s)"
                  .formatted(
                      stop.feederTx - start.feederTx,
                      (stop.feederTx - start.feederTx) / wallSeconds)));
      rows.add(
          row(
              "store transactions in all / document writes / notifications enqueued",
              "%,d / %,d / %,d"
                  .formatted(
                      stop.tx - start.tx,
                      stop.writes - start.writes,
                      stop.enqueued - start.enqueued)));
      rows.add(row("notifications delivered", "%,d".formatted(stop.delivered - start.delivered)));
      rows.add(
          row(
              "feeder allocation per result",
              "%,.0f bytes".formatted((double) (stop.feederAlloc - start.feederAlloc) / results)));
      rows.add(
          row(
              "GC: collections / pause time (window of %.0f s)".formatted(wallSeconds),
              "%d / %d ms"
                  .formatted(stop.gcCount - start.gcCount, stop.gcMillis - start.gcMillis)));
      rows.add(row("alerts tracked at the end, by state", states(engine.alerts())));
      rows.add(row("evaluation errors", engine.evaluationErrors() + ""));
    } finally {
      engine.close();
      store.close();
      deleteTree(dataDir);
    }
  }

  /** Removes a run's H2 files (a latency run leaves ~100 MB). */
  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Counts once, with a standalone evaluator, how many observations one healthy poll makes. */
  private static double observationsPerResult(
      RuleSet rules, List<Target> targets, RavenwatchConfig config) {
    var evaluator =
        RuleEvaluator.of(
            rules, n -> config.inventory().find(n).map(Target::pointTags).orElse(Map.of()));
    var batch = new ArrayList<ProbeResult>();
    for (Target t : targets) {
      AlertFleet.poll(t, SIM_START, null, batch);
    }
    long[] n = new long[1];
    batch.forEach(r -> evaluator.evaluate(r, obs -> n[0]++));
    return (double) n[0] / batch.size();
  }

  private static String states(List<AlertRecord> alerts) {
    Map<String, Long> by =
        alerts.stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.state().name().toLowerCase(java.util.Locale.ROOT),
                    TreeMap::new,
                    Collectors.counting()));
    return "%,d (%s)".formatted(alerts.size(), by);
  }

  /** Counters at one instant. */
  private record Snapshot(
      long nanos,
      long tx,
      long feederTx,
      long writes,
      long enqueued,
      long delivered,
      long incidents,
      long feederCpu,
      long feederAlloc,
      long gcCount,
      long gcMillis) {
    static Snapshot take(
        CountingAlertStore store,
        LongAdder delivered,
        AlertFleet.Incidents incidents,
        com.sun.management.ThreadMXBean threads) {
      long count = 0;
      long millis = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        count += Math.max(0, gc.getCollectionCount());
        millis += Math.max(0, gc.getCollectionTime());
      }
      return new Snapshot(
          System.nanoTime(),
          store.transactions.sum(),
          store.callerTransactions.sum(),
          store.documentWrites.sum(),
          store.enqueued.sum(),
          delivered.sum(),
          incidents.started(),
          threads.getCurrentThreadCpuTime(),
          threads.getCurrentThreadAllocatedBytes(),
          count,
          millis);
    }
  }

  static String[] row(String name, String value) {
    return new String[] {name, value};
  }

  static String mib(long bytes) {
    return "%.0f MiB".formatted(bytes / 1048576.0);
  }

  /** Command-line options; the defaults are the figures. */
  record Options(
      String mode,
      Duration warmup,
      Duration measure,
      int targets,
      int groups,
      int rules,
      double incidentPercent,
      Duration poll,
      int incidents,
      int spacingMillis,
      int burst) {
    static Options parse(String[] args) {
      String mode = "all";
      Duration warmup = Duration.ofSeconds(20);
      Duration measure = Duration.ofSeconds(30);
      int targets = 1000;
      int groups = 100;
      int rules = 990;
      double incidentPercent = 1;
      Duration poll = Duration.ofSeconds(10);
      int incidents = 2000;
      int spacing = 5;
      int burst = 500;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--mode" -> mode = args[++i];
          case "--warmup" -> warmup = seconds(args[++i]);
          case "--measure" -> measure = seconds(args[++i]);
          case "--targets" -> targets = Integer.parseInt(args[++i]);
          case "--groups" -> groups = Integer.parseInt(args[++i]);
          case "--rules" -> rules = Integer.parseInt(args[++i]);
          case "--incident-percent" -> incidentPercent = Double.parseDouble(args[++i]);
          case "--poll" -> poll = seconds(args[++i]);
          case "--incidents" -> incidents = Integer.parseInt(args[++i]);
          case "--spacing-ms" -> spacing = Integer.parseInt(args[++i]);
          case "--burst" -> burst = Integer.parseInt(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (!List.of("all", "throughput", "latency").contains(mode)) {
        throw new IllegalArgumentException("--mode: all, throughput or latency, not " + mode);
      }
      return new Options(
          mode,
          warmup,
          measure,
          targets,
          groups,
          rules,
          incidentPercent,
          poll,
          incidents,
          spacing,
          burst);
    }

    private static Duration seconds(String s) {
      return Duration.ofSeconds(Long.parseLong(s.replaceAll("s$", "")));
    }
  }
}
