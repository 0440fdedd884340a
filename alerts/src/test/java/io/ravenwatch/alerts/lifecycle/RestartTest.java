package io.ravenwatch.alerts.lifecycle;

import static io.ravenwatch.alerts.api.AlertState.FIRING;
import static io.ravenwatch.alerts.api.AlertState.FLAPPING;
import static io.ravenwatch.alerts.api.AlertState.PENDING;
import static io.ravenwatch.alerts.api.AlertState.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.AlertEvent;
import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tracker's state survives a restart through its documents: each test runs one tracker that
 * stores its changes, then a new one restored from what was stored (as after a kill -9: nothing but
 * committed documents is left).
 */
class RestartTest {
  private final MutableClock clock = MutableClock.at("2025-01-01T10:00:00Z");
  private final Observations.DocumentStore store = new Observations.DocumentStore();
  private AlertTracker tracker = new AlertTracker(LifecycleSettings.DEFAULTS, clock);
  private final Instant t0 = clock.instant();

  private static Instant plus(Instant t, long minutes) {
    return t.plus(Duration.ofMinutes(minutes));
  }

  /** Observes and stores the changes, as the router does in its transaction. */
  private List<AlertEvent> observe(io.ravenwatch.alerts.api.Observation o) {
    return tracker.observe(
        o,
        changes -> {
          changes.persist(store);
          return changes.events();
        });
  }

  private List<AlertEvent> tick(Instant now) {
    var events = new ArrayList<AlertEvent>();
    tracker.tick(
        now,
        changes -> {
          changes.persist(store);
          events.addAll(changes.events());
        });
    return events;
  }

  private int restart() {
    tracker = new AlertTracker(LifecycleSettings.DEFAULTS, clock);
    return tracker.restore(Map.copyOf(store.alerts));
  }

  private static List<AlertState> states(List<AlertEvent> events) {
    return events.stream().map(AlertEvent::to).toList();
  }

  @Test
  void restoredFiringAlertObservedFiringAgainMakesNoEvent() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
    observe(rule.active(t0));
    observe(rule.active(plus(t0, 1)));

    assertThat(restart()).isEqualTo(1);
    clock.set(plus(t0, 3));

    assertThat(observe(rule.active(plus(t0, 3)))).isEmpty();
    assertThat(tracker.get(rule.fingerprint()).orElseThrow().state()).isEqualTo(FIRING);
  }

  @Test
  void restoredFiringAlertResolvesWhenObservedInactive() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
    observe(rule.active(t0));
    restart();

    List<AlertEvent> events = observe(rule.inactive(plus(t0, 2)));

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.from()).isEqualTo(FIRING);
              assertThat(e.to()).isEqualTo(RESOLVED);
              assertThat(e.activeSince()).as("the incident's start survived").isEqualTo(t0);
              assertThat(e.labels()).isEqualTo(rule.labels());
            });
  }

  @Test
  void restoredPendingAlertKeepsItsHoldDownStart() {
    var rule = Observations.rule("db1", Duration.ofMinutes(5), Duration.ZERO);
    assertThat(states(observe(rule.active(t0)))).containsExactly(PENDING);
    restart();

    assertThat(states(observe(rule.active(plus(t0, 5))))).containsExactly(FIRING);
  }

  @Test
  void holdUpStartedBeforeTheRestartExpiresAfterIt() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ofMinutes(5));
    observe(rule.active(t0));
    observe(rule.inactive(plus(t0, 1)));
    restart();

    assertThat(tick(plus(t0, 5))).isEmpty();
    assertThat(states(tick(plus(t0, 6)))).containsExactly(RESOLVED);
  }

  @Test
  void restoredFlappingAlertStaysFlappingWithoutNewEvents() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
    for (int i = 0; i < 30; i++) {
      observe(rule.at(plus(t0, i), i % 2 == 0));
    }
    assertThat(tracker.get(rule.fingerprint()).orElseThrow().state()).isEqualTo(FLAPPING);
    restart();

    var events = new ArrayList<AlertEvent>();
    for (int i = 30; i < 36; i++) {
      events.addAll(observe(rule.at(plus(t0, i), i % 2 == 0)));
    }

    assertThat(events).isEmpty();
    assertThat(tracker.get(rule.fingerprint()).orElseThrow().state()).isEqualTo(FLAPPING);
  }

  @Test
  void restartAfterALongDowntimeDoesNotResolveEverythingAsStale() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
    observe(rule.active(t0));
    clock.set(plus(t0, 60));
    restart();

    assertThat(tick(plus(t0, 61))).as("a fresh stale period from the restart").isEmpty();
    assertThat(states(tick(plus(t0, 71)))).containsExactly(RESOLVED);
  }

  @Test
  void resolvedAlertForgottenAfterRetentionLeavesNoDocument() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
    observe(rule.active(t0));
    observe(rule.inactive(plus(t0, 1)));
    assertThat(store.alerts).containsKey(rule.fingerprint());

    tick(plus(t0, 61));

    assertThat(store.alerts).isEmpty();
  }

  @Test
  void unreadableDocumentsAreSkipped() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
    observe(rule.active(t0));
    store.alerts.put("0000000000000bad", "{not json");
    store.alerts.put("0000000000000bee", "{\"v\":1,\"rule\":\"x\"}");

    assertThat(restart()).isEqualTo(1);
    assertThat(observe(rule.active(plus(t0, 1)))).isEmpty();
  }

  @Test
  void documentKeepsEverythingTheLifecycleNeeds() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ofMinutes(5));
    observe(rule.active(t0));
    observe(rule.inactive(plus(t0, 1)));
    AlertRecord before = tracker.get(rule.fingerprint()).orElseThrow();

    AlertRecord after = AlertDocuments.fromJson(store.alerts.get(rule.fingerprint()));

    assertThat(after).isEqualTo(before);
    assertThat(store.alerts.get(rule.fingerprint()))
        .contains("\"state\":\"FIRING\"", "\"false_since\":\"2025-01-01T10:01:00Z\"");
  }
}
