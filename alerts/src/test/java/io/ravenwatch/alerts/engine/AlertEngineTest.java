package io.ravenwatch.alerts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notifier;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The assembled engine: a probe result in, a notification out, across a restart. */
class AlertEngineTest {
  private static final String YAML =
      """
      hosts:
        web1: {address: 127.0.0.1, region: eu-west, probes: [{type: ping}]}
      alerts:
        route: {group_wait: 0s, receivers: [pager]}
        receivers: {pager: {type: console}}
      """;

  private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final Recorder pager = new Recorder();
  private final RavenwatchConfig config =
      ConfigLoader.parse(
          YAML, "t.yml", Map.of(), ProbeRegistry.standard(), List.of(AlertsSection.SECTION));
  private final RuleSet rules = RuleLoader.standard().load((java.nio.file.Path) null, true);
  private AlertEngine engine;

  private AlertEngine start() {
    engine =
        AlertEngine.start(
            config.section(AlertsSection.SECTION),
            rules,
            config.inventory(),
            store,
            Map.of("pager", pager),
            config.influx(),
            clock);
    return engine;
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  private ProbeResult ping(boolean ok) {
    Instant now = clock.instant();
    var point =
        Point.builder("ping", now)
            .tags(config.inventory().find("web1").orElseThrow().pointTags())
            .tag("url", "127.0.0.1")
            .field("result_code", ok ? 0 : 1)
            .field("percent_packet_loss", ok ? 0.0 : 100.0)
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

  @Test
  @DisplayName("a host that stops answering ping pages once after 'for', and resolves once")
  void hostDownFiresOnceAndResolves() {
    start();
    engine.onResult(ping(false));
    clock.advance(Duration.ofSeconds(30));
    engine.onResult(ping(false));
    engine.tick();
    assertThat(pager.received).as("still pending within host_down's for: 1m").isEmpty();

    clock.advance(Duration.ofSeconds(31));
    engine.onResult(ping(false));
    await().until(() -> pager.received.size() == 1);
    Notification firing = pager.received.getFirst();
    assertThat(firing.kind()).isEqualTo(Notification.Kind.FIRING);
    assertThat(firing.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo("host_down");
              assertThat(a.target()).isEqualTo("web1");
              assertThat(a.annotations().get("summary")).isEqualTo("web1 is down");
            });

    clock.advance(Duration.ofSeconds(10));
    engine.onResult(ping(false)); // still down: no repeat before repeat_interval
    clock.advance(Duration.ofSeconds(10));
    engine.onResult(ping(true));
    engine.tick();
    // Changes of an open incident are batched: they go out group_interval (1m) after the last.
    clock.advance(Duration.ofSeconds(45));
    engine.tick();
    await().until(() -> pager.received.size() == 2);
    Notification resolved = pager.received.get(1);
    assertThat(resolved.kind()).isEqualTo(Notification.Kind.RESOLVED);
    assertThat(resolved.replyTo()).isEqualTo(firing.id());
    assertThat(pager.replyToIds.get(1)).isEqualTo("msg-" + firing.id());
  }

  @Test
  @DisplayName(
      "after a restart mid-incident: no second 'firing', and 'resolved' refers to the first")
  void restartMidIncident() {
    start();
    engine.onResult(ping(false));
    clock.advance(Duration.ofMinutes(2));
    engine.onResult(ping(false));
    await().until(() -> pager.received.size() == 1);
    long firingId = pager.received.getFirst().id();
    engine.close();

    start(); // the same store: what a restart finds on disk
    clock.advance(Duration.ofSeconds(10));
    engine.onResult(ping(false));
    engine.tick();
    clock.advance(Duration.ofSeconds(10));
    engine.onResult(ping(true));
    clock.advance(Duration.ofMinutes(1)); // group_interval
    engine.tick();

    await().until(() -> pager.received.size() == 2);
    assertThat(pager.received)
        .extracting(Notification::kind)
        .containsExactly(Notification.Kind.FIRING, Notification.Kind.RESOLVED);
    assertThat(pager.received.get(1).replyTo()).isEqualTo(firingId);
  }

  /** A notifier that records what it was given and names each message after its outbox id. */
  static final class Recorder implements Notifier {
    final List<Notification> received = new CopyOnWriteArrayList<>();
    final List<String> replyToIds = new CopyOnWriteArrayList<>();

    @Override
    public DeliveryResult deliver(Notification notification, String replyToMessageId) {
      received.add(notification);
      replyToIds.add(replyToMessageId);
      return DeliveryResult.delivered("msg-" + notification.id());
    }
  }
}
