package io.ravenwatch.probes.snmp;

import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.testkit.SnmpdServer;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * Not a test: measures one host-metrics poll against a local snmpd — requests per poll (from the
 * agent's own snmpInPkts counter), process CPU time and allocation per poll — for the benchmark to
 * build on. Run its {@code main} with the probes test classpath.
 */
public final class SnmpHostPollMeasurement {
  private static final OID SNMP_IN_PKTS = new OID("1.3.6.1.2.1.11.1.0");

  private SnmpHostPollMeasurement() {}

  public static void main(String[] args) throws Exception {
    int polls = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    try (var snmpd =
            SnmpdServer.builder()
                .community("public")
                .v3User("bench", SnmpdServer.Auth.SHA_256, "auth-pass-1", "priv-pass-1")
                .start();
        var resources = new ProbeResources(Clock.systemUTC())) {
      measure("v2c", SnmpCredentials.v2c("v2c", snmpd.port(), "public"), snmpd, resources, polls);
      measure(
          "v3 SHA-256/AES",
          SnmpTestTargets.v3(
              snmpd.port(),
              "bench",
              SnmpCredentials.AuthProtocol.SHA_256,
              "auth-pass-1",
              "priv-pass-1"),
          snmpd,
          resources,
          polls);
    }
  }

  private static void measure(
      String label,
      SnmpCredentials credentials,
      SnmpdServer snmpd,
      ProbeResources resources,
      int polls)
      throws Exception {
    Target target = SnmpTestTargets.target(snmpd.host(), credentials);
    var settings = new SnmpHostProbe.Settings(true);
    Probe probe = SnmpHostProbe.TYPE.create(target, settings);
    for (int i = 0; i < polls; i++) { // warm-up: JIT, USM keys, engine discovery
      run(probe, target, settings, resources);
    }
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    var counter =
        new SnmpEndpoint(
            snmpd.host(),
            SnmpCredentials.v2c("c", snmpd.port(), "public"),
            Duration.ofSeconds(1),
            0);
    long pktsBefore = inPkts(resources, counter);
    long cpuBefore = os.getProcessCpuTime();
    long allocBefore = threads.getTotalThreadAllocatedBytes();
    long wallBefore = System.nanoTime();
    int points = 0;
    for (int i = 0; i < polls; i++) {
      ProbeResult r = run(probe, target, settings, resources);
      if (!r.ok()) {
        throw new IllegalStateException(r.reason());
      }
      points += r.points().size();
    }
    long wall = System.nanoTime() - wallBefore;
    long cpu = os.getProcessCpuTime() - cpuBefore;
    long alloc = threads.getTotalThreadAllocatedBytes() - allocBefore;
    long pkts = inPkts(resources, counter) - pktsBefore - 1; // minus the counter GET itself
    System.out.printf(
        "%s: %d polls, %.2f requests/poll, %.0f µs CPU/poll, %.0f µs wall/poll, %.1f kB"
            + " allocated/poll, %.1f points/poll%n",
        label,
        polls,
        (double) pkts / polls,
        cpu / 1e3 / polls,
        wall / 1e3 / polls,
        alloc / 1024.0 / polls,
        (double) points / polls);
  }

  private static ProbeResult run(
      Probe probe, Target target, SnmpHostProbe.Settings settings, ProbeResources resources)
      throws InterruptedException {
    return probe.run(
        SnmpTestTargets.context(target, "snmp", settings, resources, Duration.ofSeconds(2), 1));
  }

  private static long inPkts(ProbeResources resources, SnmpEndpoint endpoint) {
    Variable v = resources.snmp().get(endpoint, List.of(SNMP_IN_PKTS)).join().get(SNMP_IN_PKTS);
    return SnmpValues.asLong(v);
  }
}
