package io.ravenwatch.probes.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.inventory.ConfigLoader;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The complaint users have with Telegraf: one slow agent stalls the others. Here a dead SNMP agent
 * and an HTTP server that accepts but never answers sit in the same shard as a healthy TCP service
 * polled every second; the healthy one must keep its pace.
 */
class SlowTargetsIT {
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private ServerSocket healthy;
  private ServerSocket silentHttp;
  private DatagramSocket deadAgent;
  private Thread acceptor;

  @BeforeEach
  void startServers() throws IOException {
    var loopback = InetAddress.getLoopbackAddress();
    healthy = new ServerSocket(0, 50, loopback);
    silentHttp = new ServerSocket(0, 50, loopback);
    // A bound UDP socket that never answers: requests are neither refused nor answered.
    deadAgent = new DatagramSocket(0, loopback);
    acceptor =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (!silentHttp.isClosed()) {
                    try {
                      accepted.add(silentHttp.accept()); // and never answer
                    } catch (IOException e) {
                      return;
                    }
                  }
                });
    Thread.ofVirtual()
        .start(
            () -> {
              while (!healthy.isClosed()) {
                try (Socket s = healthy.accept()) {
                  s.getInputStream().read();
                } catch (IOException e) {
                  // the probe closed its side; accept the next one
                }
              }
            });
  }

  @AfterEach
  void stopServers() throws IOException {
    healthy.close();
    silentHttp.close();
    deadAgent.close();
    acceptor.interrupt();
    for (Socket s : accepted) {
      s.close();
    }
  }

  @Test
  @DisplayName("a dead SNMP agent and a silent HTTP server do not delay a healthy target's polls")
  void slowTargetsDoNotDelayOthers() throws Exception {
    String yaml =
        """
        data_dir: /tmp/unused
        snmp_credentials:
          dead: {version: 2c, community: "${COMMUNITY}", port: %d}
        hosts:
          dead-agent:
            address: 127.0.0.1
            snmp: dead
            probes: [{type: snmp, interval: 3s, timeout: 1s, retries: 2}]
          healthy:
            address: 127.0.0.1
            probes: [{type: net_response, port: %d, interval: 1s, timeout: 1s}]
        services:
          silent-web:
            probes:
              - {type: http_response, url: "http://127.0.0.1:%d/", interval: 3s, timeout: 2s, retries: 0}
        """
            .formatted(deadAgent.getLocalPort(), healthy.getLocalPort(), silentHttp.getLocalPort());
    var config =
        ConfigLoader.parse(
            yaml, "slow.yml", Map.of("COMMUNITY", "public"), ProbeRegistry.standard());
    var results = new CopyOnWriteArrayList<ProbeResult>();
    try (var resources = new ProbeResources(Clock.systemUTC());
        var scheduler =
            new PollScheduler(
                config.inventory().targets(),
                ProbeRegistry.standard(),
                resources,
                results::add,
                (t, e, s) -> {},
                PollScheduler.Settings.defaults().withShards(1))) {
      scheduler.start();
      // Wait until both slow targets have failed at least twice: by then the healthy target has
      // been due every second throughout their hanging requests.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> failures(results, "dead-agent") >= 2 && failures(results, "silent-web") >= 2);
      long healthyRuns = results.stream().filter(r -> r.target().equals("healthy")).count();
      var first = results.stream().filter(r -> r.target().equals("healthy")).findFirst().get();
      var last =
          results.stream().filter(r -> r.target().equals("healthy")).reduce((a, b) -> b).get();
      long seconds = Duration.between(first.time(), last.time()).toSeconds();

      assertThat(results.stream().filter(r -> r.target().equals("healthy")))
          .allMatch(ProbeResult::ok);
      // One run per second over the whole window, give or take the jittered first slot.
      assertThat(healthyRuns).isGreaterThanOrEqualTo(seconds);
      assertThat(seconds).isGreaterThanOrEqualTo(4);
      // The probe's own SNMP timeout and the scheduler's budget both end at 3 s: whichever comes
      // first, the reason names the agent or the target.
      assertThat(reasons(results, "dead-agent"))
          .allMatch(
              r ->
                  (r.startsWith("SNMP timeout") && r.contains(":" + deadAgent.getLocalPort()))
                      || r.equals("snmp on dead-agent took longer than its 3s budget"));
      // Likewise the HTTP timeout (2 s) and the budget (2.25 s) race on a loaded machine.
      assertThat(reasons(results, "silent-web"))
          .allMatch(
              r ->
                  r.endsWith(": timeout")
                      || r.equals("http_response on silent-web took longer than its 2.25s budget"));
    }
  }

  private static long failures(List<ProbeResult> results, String target) {
    return results.stream().filter(r -> r.target().equals(target) && !r.ok()).count();
  }

  private static List<String> reasons(List<ProbeResult> results, String target) {
    return results.stream()
        .filter(r -> r.target().equals(target))
        .map(ProbeResult::reason)
        .toList();
  }
}
