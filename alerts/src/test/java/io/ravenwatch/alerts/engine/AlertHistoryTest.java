package io.ravenwatch.alerts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.ack.AckService;
import io.ravenwatch.alerts.rule.RuleLoader;
import io.ravenwatch.alerts.rule.RuleSet;
import io.ravenwatch.alerts.store.InMemoryAlertStore;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import io.ravenwatch.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine writes every transition, ack and escalation, and the open alerts, as points. */
class AlertHistoryTest {
  private static final String YAML =
      """
      hosts:
        web1: {address: 127.0.0.1, region: eu-west, group: web, probes: [{type: ping}]}
      alerts:
        route: {group_wait: 0s, receivers: [pager]}
        receivers: {pager: {type: console}}
      """;

  private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
  private final List<Point> written = new CopyOnWriteArrayList<>();
  private final RavenwatchConfig config =
      ConfigLoader.parse(
          YAML, "t.yml", Map.of(), ProbeRegistry.standard(), List.of(AlertsSection.SECTION));
  private final RuleSet rules = RuleLoader.standard().load((java.nio.file.Path) null, true);
  private final AlertEngine engine =
      AlertEngine.start(
          config.section(AlertsSection.SECTION),
          rules,
          config.inventory(),
          new InMemoryAlertStore(),
          Map.of("pager", new AlertEngineTest.Recorder()),
          config.influx(),
          new AlertHistory(written::addAll),
          clock);

  @AfterEach
  void stop() {
    engine.close();
  }

  private ProbeResult ping(boolean ok) {
    Instant now = clock.instant();
    var point =
        Point.builder("ping", now)
            .tags(config.inventory().find("web1").orElseThrow().pointTags())
            .field("result_code", ok ? 0 : 1)
            .build();
    return new ProbeResult(
        "web1",
        "ping",
        "ping",
        now,
        Duration.ofMillis(3),
        ok ? ProbeResult.Status.OK : ProbeResult.Status.FAILED,
        ok ? "" : "no answer",
        List.of(point));
  }

  private List<String> states() {
    return written.stream()
        .filter(p -> p.measurement().equals(AlertHistory.TRANSITIONS))
        .map(p -> p.tag("state"))
        .toList();
  }

  @Test
  void writesTransitionsAckEscalationAndOpenAlerts() {
    engine.onResult(ping(false));
    clock.advance(Duration.ofSeconds(61));
    engine.onResult(ping(false));
    assertThat(states()).containsExactly("pending", "firing");
    Point firing = written.get(1);
    assertThat(firing.tags())
        .containsEntry("alertname", "host_down")
        .containsEntry("severity", "critical")
        .containsEntry("source", "web1")
        .containsEntry("region", "eu-west")
        .containsEntry("group", "web")
        .containsKey("fingerprint");
    assertThat(firing.field("summary")).isEqualTo("web1 is down");
    assertThat(firing.field("previous")).isEqualTo("pending");

    engine.writeActive();
    assertThat(openCritical()).isEqualTo(1L);

    // Not acknowledged for 15 minutes: escalated once.
    clock.advance(Duration.ofMinutes(16));
    engine.onResult(ping(false));
    engine.tick();
    engine.tick();
    await().until(() -> states().contains("escalated"));
    assertThat(states()).containsOnlyOnce("escalated");

    var outcome = engine.acks().ack(firing.tag("fingerprint"), "alice", "on it");
    assertThat(outcome).isInstanceOf(AckService.Outcome.Acked.class);
    Point acked = written.stream().filter(p -> "acked".equals(p.tag("state"))).findFirst().get();
    assertThat(acked.tags())
        .containsEntry("alertname", "host_down")
        .containsEntry("source", "web1");
    assertThat(acked.field("by")).isEqualTo("alice");
    assertThat((String) acked.field("summary")).contains("acknowledged by alice: on it");

    clock.advance(Duration.ofSeconds(10));
    engine.onResult(ping(true));
    assertThat(states()).endsWith("resolved");
    engine.writeActive();
    assertThat(openCritical()).isZero();
  }

  private Long openCritical() {
    return written.stream()
        .filter(p -> p.measurement().equals(AlertHistory.ACTIVE))
        .filter(p -> "critical".equals(p.tag("severity")))
        .reduce((a, b) -> b)
        .map(p -> (Long) p.field("firing"))
        .orElseThrow();
  }

  @Test
  void aFailingSinkNeverStopsTheEngine() {
    var failing =
        new AlertHistory(
            points -> {
              throw new IllegalStateException("influx down");
            });
    failing.active(clock.instant(), List.of());
    failing.transitions(List.of());
  }
}
