package io.ravenwatch.probes.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.api.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfMetricsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aggregatesPollsPerProbeTypeAndResetsThemEachInterval() {
    SelfMetrics metrics = new SelfMetrics("collector1");
    metrics.recordPoll("snmp", Duration.ofMillis(10), true);
    metrics.recordPoll("snmp", Duration.ofMillis(30), false);
    metrics.recordPoll("ping", Duration.ofMillis(5), true);

    List<Point> first = metrics.drain(NOW, 0, 0, 0);
    List<Point> second = metrics.drain(NOW.plusSeconds(10), 0, 0, 0);

    Point snmp = poller(first, "snmp");
    assertThat(snmp.measurement()).isEqualTo("ravenwatch");
    assertThat(snmp.tags())
        .containsEntry("host", "collector1")
        .containsEntry("component", "poller")
        .containsEntry("probe_type", "snmp");
    assertThat(snmp.fields())
        .containsEntry("polls", 2L)
        .containsEntry("failures", 1L)
        .containsEntry("duration_sum_ms", 40.0)
        .containsEntry("duration_max_ms", 30.0);
    assertThat(poller(first, "ping").field("polls")).isEqualTo(1L);
    assertThat(second).noneMatch(p -> "poller".equals(p.tag("component")));
  }

  @Test
  void reportsWriterCountersAndSpoolGauges() {
    SelfMetrics metrics = new SelfMetrics("collector1");
    metrics.written(5);
    metrics.spooled(3);
    metrics.dropped(2);
    metrics.rejected(1);
    metrics.writeError();

    Point influx = metrics.drain(NOW, 1234, 3, 7).getFirst();

    assertThat(influx.tags()).containsEntry("component", "influx");
    assertThat(influx.fields())
        .containsEntry("points_written", 5L)
        .containsEntry("points_spooled", 3L)
        .containsEntry("points_dropped", 2L)
        .containsEntry("points_rejected", 1L)
        .containsEntry("write_errors", 1L)
        .containsEntry("spool_bytes", 1234L)
        .containsEntry("spool_points", 3L)
        .containsEntry("queue_points", 7L);
    assertThat(influx.time()).isEqualTo(NOW);
  }

  private static Point poller(List<Point> points, String type) {
    return points.stream().filter(p -> type.equals(p.tag("probe_type"))).findFirst().orElseThrow();
  }
}
