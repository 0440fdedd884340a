package io.ravenwatch.probes.net;

import static io.ravenwatch.probes.ProbeContexts.context;
import static io.ravenwatch.probes.ProbeContexts.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PingProbeTest {
  private static final PingProbe.Settings THREE = new PingProbe.Settings(3);

  private static ProbeResult ping(PingProbe probe, String address) throws InterruptedException {
    return probe.run(context(host("db1", address), "ping", THREE, Duration.ofSeconds(2), 0));
  }

  @Test
  void loopbackAnswersEveryEchoRequest() throws InterruptedException {
    ProbeResult result = ping(new PingProbe(host("db1", "127.0.0.1"), THREE), "127.0.0.1");

    assertThat(result.status()).isEqualTo(ProbeResult.Status.OK);
    Point p = result.points().getFirst();
    assertThat(p.measurement()).isEqualTo("ping");
    assertThat(p.tags())
        .containsEntry("url", "127.0.0.1")
        .containsEntry("source", "db1")
        .containsEntry("region", "eu-west")
        .containsEntry("rack", "r1");
    assertThat(p.field("result_code")).isEqualTo(0L);
    assertThat(p.field("packets_transmitted")).isEqualTo(3L);
    assertThat(p.field("packets_received")).isEqualTo(3L);
    assertThat(p.field("percent_packet_loss")).isEqualTo(0.0);
    assertThat((Double) p.field("minimum_response_ms"))
        .isGreaterThan(0.0)
        .isLessThanOrEqualTo((Double) p.field("average_response_ms"));
    assertThat((Double) p.field("maximum_response_ms"))
        .isGreaterThanOrEqualTo((Double) p.field("average_response_ms"));
  }

  @Test
  void unknownHostFailsWithResultCodeOne() throws InterruptedException {
    String address = "no-such-host.invalid";
    ProbeResult result = ping(new PingProbe(host("ghost", address), THREE), address);

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(result.reason()).contains("unknown host");
    assertThat(result.points().getFirst().field("result_code")).isEqualTo(1L);
  }

  @Test
  void addressThatIsNotAHostNameIsRefusedBeforeAnyCommandRuns() throws InterruptedException {
    for (String evil : List.of("127.0.0.1; touch /tmp/pwned", "-f", "$(reboot)", "a b", "")) {
      ProbeResult result = ping(new PingProbe(host("evil", evil), THREE), evil);

      assertThat(result.status()).as(evil).isEqualTo(ProbeResult.Status.FAILED);
      assertThat(result.reason()).as(evil).startsWith("address refused");
      assertThat(result.points().getFirst().field("result_code")).isEqualTo(2L);
    }
  }

  @Test
  void acceptsIpLiteralsAndHostNamesOnly() {
    assertThat(List.of("10.0.0.1", "::1", "fe80::1%eth0", "db-1.example.org", "host_a"))
        .allMatch(PingProbe::isSafeAddress);
    assertThat(List.of("-c1", "a;b", "a|b", "a b", "`x`", "a\nb", ".x", ":::;", "x&"))
        .noneMatch(PingProbe::isSafeAddress);
  }

  @Test
  void fallsBackToIsReachableWhenPingIsNotInstalled() throws InterruptedException {
    var probe = new PingProbe(host("db1", "127.0.0.1"), THREE, "ravenwatch-no-such-ping");

    ProbeResult result = ping(probe, "127.0.0.1");

    assertThat(result.status()).isEqualTo(ProbeResult.Status.OK);
    assertThat(result.points().getFirst().field("packets_received")).isEqualTo(3L);
  }

  @Test
  void allEchoRequestsLostIsNoAnswer() {
    var out =
        """
        --- 10.255.255.1 ping statistics ---
        2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 201ms
        """;

    PingProbe.Outcome o = PingProbe.parse(1, out);

    assertThat(o.resultCode()).isEqualTo(1);
    assertThat(o.sent()).isEqualTo(2L);
    assertThat(o.received()).isZero();
    assertThat(o.lossPercent()).isEqualTo(100.0);
    assertThat(o.avgMs()).isNull();
  }

  @Test
  void countOutsideOneToHundredIsAConfigProblem() {
    var problems = new ArrayList<String>();

    new PingProbe.Settings(0).validate((key, expected, found) -> problems.add(key + ": " + found));

    assertThat(problems).containsExactly("count: 0");
  }
}
