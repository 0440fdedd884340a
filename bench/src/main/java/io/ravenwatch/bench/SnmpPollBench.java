package io.ravenwatch.bench;

import com.sun.management.OperatingSystemMXBean;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.api.Timing;
import io.ravenwatch.probes.config.DataSize;
import io.ravenwatch.probes.influx.InfluxSettings;
import io.ravenwatch.probes.influx.InfluxWriter;
import io.ravenwatch.probes.influx.SelfMetrics;
import io.ravenwatch.probes.schedule.PollScheduler;
import io.ravenwatch.probes.schedule.ResultBus;
import io.ravenwatch.probes.snmp.SnmpDiskProbe;
import io.ravenwatch.probes.snmp.SnmpHostProbe;
import io.ravenwatch.testkit.InfluxServer;
import io.ravenwatch.testkit.SnmpdServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls N simulated SNMP targets (real snmpd processes listening on many loopback addresses) with
 * the host-metrics set — {@code snmp} (system, cpu, mem, interfaces) and {@code snmp_disk}
 * (hrStorage/dskTable) — through the real scheduler, writing every point to a real InfluxDB, and
 * reports polls per second, CPU per poll, heap and RSS.
 *
 * <pre>
 * bench/run SnmpPollBench --targets 10000 --interval 60s --agents 20 --warmup 70s --measure 120s
 * </pre>
 */
public final class SnmpPollBench {
  private static final int ADDRESSES_PER_OCTET = 250;

  public static void main(String[] args) throws Exception {
    var options = Options.parse(args);
    System.out.println("SnmpPollBench " + options);
    var agents = new ArrayList<SnmpdServer>();
    InfluxServer influx = null;
    Path dataDir = Files.createTempDirectory("bench-data");
    try {
      List<Target> targets = startAgents(options, agents);
      System.out.printf("%d agents up, %d targets%n", agents.size(), targets.size());
      if (options.influx) {
        influx = InfluxServer.launch();
        influx.createDatabase("bench");
      }
      run(options, targets, influx, dataDir);
    } finally {
      for (SnmpdServer agent : agents) {
        agent.close();
      }
      if (influx != null) {
        influx.close();
      }
    }
  }

  private static List<Target> startAgents(Options o, List<SnmpdServer> agents) {
    var targets = new ArrayList<Target>(o.targets);
    int perAgent = (o.targets + o.agents - 1) / o.agents;
    for (int a = 0, next = 0; next < o.targets; a++) {
      var ips = new ArrayList<String>();
      for (int i = 0; i < perAgent && next < o.targets; i++, next++) {
        ips.add("127.1." + (next / ADDRESSES_PER_OCTET) + "." + (next % ADDRESSES_PER_OCTET + 1));
      }
      SnmpdServer agent =
          SnmpdServer.builder().community("bench").disk("/").listenAddresses(ips).start();
      agents.add(agent);
      var creds = SnmpCredentials.v2c("agent" + a, agent.port(), "bench");
      var timing = new Timing(o.interval, Duration.ofSeconds(5), 2);
      for (String ip : ips) {
        int i = targets.size();
        var probes = new ArrayList<ProbeSpec>();
        probes.add(new ProbeSpec("snmp", "snmp", timing, new SnmpHostProbe.Settings(true)));
        if (o.disk) {
          probes.add(new ProbeSpec("snmp_disk", "snmp_disk", timing, new SnmpDiskProbe.Settings()));
        }
        targets.add(
            new Target(
                "host" + i,
                Target.Kind.HOST,
                ip,
                "region" + (i % 3),
                "group" + (i % 20),
                "",
                Map.of(),
                "",
                Optional.of(creds),
                probes));
      }
    }
    return targets;
  }

  private static void run(Options o, List<Target> targets, InfluxServer influx, Path dataDir)
      throws InterruptedException {
    var settings =
        new InfluxSettings(
            influx == null ? null : influx.url(),
            "bench",
            null,
            null,
            null,
            null,
            5000,
            Duration.ofSeconds(1),
            true,
            Duration.ofSeconds(10),
            DataSize.ofMebibytes(512));
    var clock = Clock.systemUTC();
    var metrics = new SelfMetrics("bench");
    var points = new AtomicLong();
    var failed = new AtomicLong();
    try (var resources = new ProbeResources(clock);
        var writer = new InfluxWriter(settings, dataDir, clock, metrics)) {
      writer.start();
      var bus = new ResultBus();
      bus.subscribe(writer);
      bus.subscribe(
          r -> {
            points.addAndGet(r.points().size());
            if (r.status() != ProbeResult.Status.OK) {
              failed.incrementAndGet();
            }
          });
      try (var scheduler =
          new PollScheduler(
              targets,
              ProbeRegistry.standard(),
              resources,
              bus,
              (t, e, s) -> metrics.recordPoll(t, e, s == ProbeResult.Status.OK),
              PollScheduler.Settings.defaults())) {
        scheduler.start();
        System.out.printf("warming up for %ds...%n", o.warmup.toSeconds());
        Thread.sleep(o.warmup.toMillis());
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long agentsCpu0 = childrenCpuNanos();
        long done0 = scheduler.counters().completed();
        long failed0 = failed.get();
        long points0 = points.get();
        long written0 = metrics.pointsWritten();
        long t0 = System.nanoTime();
        long maxHeap = 0;
        long deadline = t0 + o.measure.toNanos();
        while (System.nanoTime() < deadline) {
          Thread.sleep(250);
          maxHeap = Math.max(maxHeap, heapUsed());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long polls = scheduler.counters().completed() - done0;
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
        double agentsCpuMs = (childrenCpuNanos() - agentsCpu0) / 1e6;
        var c = scheduler.counters();
        scheduler.stop();
        System.gc();
        long liveHeap = heapUsed();
        int probesPerHost = o.disk ? 2 : 1;
        double expected = (double) targets.size() * probesPerHost / o.interval.toSeconds();
        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
        row("targets × probes", targets.size() + " × " + probesPerHost);
        row("interval", o.interval.toSeconds() + " s");
        row("probe runs/s (expected)", "%.1f (%.1f)".formatted(polls / seconds, expected));
        row("host polls/s", "%.1f".formatted(polls / seconds / probesPerHost));
        row("failed runs in window", String.valueOf(failed.get() - failed0));
        row(
            "timed out / skipped busy / missed (total)",
            c.timedOut() + " / " + c.skippedBusy() + " / " + c.missed());
        row(
            "Ravenwatch CPU-s per 1,000 host polls",
            "%.3f".formatted(cpuMs / (polls / (double) probesPerHost)));
        row(
            "Ravenwatch CPU-ms per host poll",
            "%.3f".formatted(cpuMs / (polls / (double) probesPerHost)));
        row(
            "agents' CPU-ms per host poll",
            "%.3f".formatted(agentsCpuMs / (polls / (double) probesPerHost)));
        row("points/s produced", "%.0f".formatted((points.get() - points0) / seconds));
        row(
            "points/s written to InfluxDB",
            "%.0f".formatted((metrics.pointsWritten() - written0) / seconds));
        row("heap used, max sampled", mib(maxHeap));
        row("heap live after GC", mib(liveHeap));
        row("heap max (-Xmx)", mib(Runtime.getRuntime().maxMemory()));
        row("RSS now / peak", procStatus("VmRSS") + " / " + procStatus("VmHWM"));
        row("CPU cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
      }
    }
  }

  private static void row(String name, String value) {
    System.out.println("| " + name + " | " + value + " |");
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String mib(long bytes) {
    return "%.0f MiB".formatted(bytes / 1048576.0);
  }

  private static long childrenCpuNanos() {
    return ProcessHandle.current()
        .children()
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum();
  }

  private static String procStatus(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key + ":")) {
          long kb = Long.parseLong(line.replaceAll("\\D", ""));
          return "%.0f MiB".formatted(kb / 1024.0);
        }
      }
    } catch (IOException e) {
      return "n/a";
    }
    return "n/a";
  }

  /** Command-line options with the target as defaults. */
  record Options(
      int targets,
      Duration interval,
      int agents,
      Duration warmup,
      Duration measure,
      boolean disk,
      boolean influx) {
    static Options parse(String[] args) {
      int targets = 10_000;
      Duration interval = Duration.ofSeconds(60);
      int agents = 20;
      Duration warmup = Duration.ofSeconds(70);
      Duration measure = Duration.ofSeconds(120);
      boolean disk = true;
      boolean influx = true;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--targets" -> targets = Integer.parseInt(args[++i]);
          case "--interval" -> interval = seconds(args[++i]);
          case "--agents" -> agents = Integer.parseInt(args[++i]);
          case "--warmup" -> warmup = seconds(args[++i]);
          case "--measure" -> measure = seconds(args[++i]);
          case "--no-disk" -> disk = false;
          case "--no-influx" -> influx = false;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(targets, interval, agents, warmup, measure, disk, influx);
    }

    private static Duration seconds(String s) {
      return Duration.ofSeconds(Long.parseLong(s.replaceAll("s$", "")));
    }
  }
}
