package io.ravenwatch.probes.schedule;

import static io.ravenwatch.probes.schedule.TestTargets.spec;
import static io.ravenwatch.probes.schedule.TestTargets.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.api.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProbeRunnerTest {

  @Test
  void timeoutReasonNamesTheProbeTheTargetAndTheBudget() {
    var spec = spec("snmp", Duration.ofSeconds(60), Duration.ofSeconds(5));
    ProbeResult r =
        ProbeRunner.timedOut(
            target("db1", spec),
            spec,
            Instant.parse("2025-01-01T10:00:00Z"),
            Duration.ofSeconds(15));

    assertThat(r.status()).isEqualTo(ProbeResult.Status.TIMED_OUT);
    assertThat(r.target()).isEqualTo("db1");
    assertThat(r.reason()).isEqualTo("snmp on db1 took longer than its 15s budget");
    assertThat(r.elapsed()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void budgetsReadLikeConfiguration() {
    assertThat(ProbeRunner.human(Duration.ofMillis(550))).isEqualTo("550ms");
    assertThat(ProbeRunner.human(Duration.ofMillis(15_250))).isEqualTo("15.25s");
    assertThat(ProbeRunner.human(Duration.ofSeconds(15))).isEqualTo("15s");
    assertThat(ProbeRunner.human(Duration.ofMinutes(2))).isEqualTo("2m");
  }
}
