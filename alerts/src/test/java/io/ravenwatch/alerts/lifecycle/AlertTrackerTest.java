package io.ravenwatch.alerts.lifecycle;

import static io.ravenwatch.alerts.api.AlertState.FIRING;
import static io.ravenwatch.alerts.api.AlertState.INACTIVE;
import static io.ravenwatch.alerts.api.AlertState.PENDING;
import static io.ravenwatch.alerts.api.AlertState.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.api.AlertEvent;
import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTrackerTest {
  private final MutableClock clock = MutableClock.at("2025-01-01T10:00:00Z");
  private final AlertTracker tracker = new AlertTracker(LifecycleSettings.DEFAULTS, clock);
  private final Instant t0 = clock.instant();

  private static Instant plus(Instant t, long minutes) {
    return t.plus(Duration.ofMinutes(minutes));
  }

  private static List<AlertState> states(Changes changes) {
    return changes.events().stream().map(AlertEvent::to).toList();
  }

  @Test
  void firesOnTheFirstActiveObservationWhenForIsZero() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);

    Changes changes = tracker.observe(rule.active(t0));

    assertThat(changes.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.from()).isEqualTo(INACTIVE);
              assertThat(e.to()).isEqualTo(FIRING);
              assertThat(e.activeSince()).isEqualTo(t0);
              assertThat(e.fingerprint()).isEqualTo(rule.fingerprint());
              assertThat(e.annotations()).containsEntry("summary", "db1 is down");
            });
    assertThat(changes.writes()).singleElement().isInstanceOf(Changes.Put.class);
  }

  @Test
  void staysPendingUntilTheConditionHeldForFiveMinutesThenFires() {
    var rule = Observations.rule("db1", Duration.ofMinutes(5), Duration.ZERO);

    assertThat(states(tracker.observe(rule.active(t0)))).containsExactly(PENDING);
    assertThat(tracker.observe(rule.active(plus(t0, 2))).isEmpty()).isTrue();
    assertThat(tracker.observe(rule.active(plus(t0, 4))).isEmpty()).isTrue();
    Changes firing = tracker.observe(rule.active(plus(t0, 5)));

    assertThat(firing.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.from()).isEqualTo(PENDING);
              assertThat(e.to()).isEqualTo(FIRING);
              assertThat(e.activeSince()).isEqualTo(plus(t0, 5));
            });
  }

  @Test
  void pendingAlertWhoseConditionTurnsFalseGoesBackToInactiveAndForgetsItsDocument() {
    var rule = Observations.rule("db1", Duration.ofMinutes(5), Duration.ZERO);
    tracker.observe(rule.active(t0));

    Changes back = tracker.observe(rule.inactive(plus(t0, 3)));
    Changes later = tracker.observe(rule.active(plus(t0, 6)));

    assertThat(back.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.from()).isEqualTo(PENDING);
              assertThat(e.to()).isEqualTo(INACTIVE);
            });
    assertThat(back.writes()).containsExactly(new Changes.Delete(rule.fingerprint()));
    // The hold-down starts over: 6 minutes after the first activity is not 5 minutes of it.
    assertThat(states(later)).containsExactly(PENDING);
  }

  @Test
  void keepsFiringWhileTheConditionIsFalseShorterThanKeepFiringFor() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ofMinutes(5));
    tracker.observe(rule.active(t0));

    Changes falseOnce = tracker.observe(rule.inactive(plus(t0, 1)));
    Changes stillFalse = tracker.observe(rule.inactive(plus(t0, 5)));
    Changes resolved = tracker.observe(rule.inactive(plus(t0, 6)));

    assertThat(falseOnce.events()).isEmpty();
    assertThat(falseOnce.writes()).as("the hold-up start is stored").hasSize(1);
    assertThat(stillFalse.isEmpty()).isTrue();
    assertThat(resolved.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.from()).isEqualTo(FIRING);
              assertThat(e.to()).isEqualTo(RESOLVED);
              assertThat(e.activeSince()).isEqualTo(t0);
            });
  }

  @Test
  void activeObservationCancelsTheHoldUp() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ofMinutes(5));
    tracker.observe(rule.active(t0));
    tracker.observe(rule.inactive(plus(t0, 1)));
    tracker.observe(rule.active(plus(t0, 4)));
    tracker.observe(rule.inactive(plus(t0, 5)));

    // 5 minutes after the first false observation, but only 1 after the hold-up restarted.
    assertThat(tracker.tick(plus(t0, 6)).isEmpty()).isTrue();
    assertThat(states(tracker.tick(plus(t0, 10)))).containsExactly(RESOLVED);
  }

  @Test
  void tickResolvesWhenKeepFiringForExpiresWithoutObservations() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ofMinutes(5));
    tracker.observe(rule.active(t0));
    tracker.observe(rule.inactive(plus(t0, 1)));

    assertThat(tracker.tick(plus(t0, 5)).isEmpty()).isTrue();
    Changes resolved = tracker.tick(plus(t0, 6));

    assertThat(resolved.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.to()).isEqualTo(RESOLVED);
              assertThat(e.at()).isEqualTo(plus(t0, 6));
            });
  }

  @Test
  void steadyObservationsChangeNothingAndWriteNothing() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
    var quiet = Observations.rule("db2", Duration.ZERO, Duration.ZERO);
    tracker.observe(rule.active(t0));

    for (int i = 1; i <= 100; i++) {
      assertThat(tracker.observe(rule.active(plus(t0, i)))).isSameAs(Changes.NONE);
      assertThat(tracker.observe(quiet.inactive(plus(t0, i)))).isSameAs(Changes.NONE);
    }
  }

  @Test
  void aNewIncidentAfterResolveStartsAFreshActiveSince() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
    tracker.observe(rule.active(t0));
    tracker.observe(rule.inactive(plus(t0, 1)));
    for (int i = 2; i < 30; i++) {
      tracker.observe(rule.inactive(plus(t0, i)));
    }

    Changes again = tracker.observe(rule.active(plus(t0, 30)));

    assertThat(again.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.from()).isEqualTo(RESOLVED);
              assertThat(e.to()).isEqualTo(FIRING);
              assertThat(e.activeSince()).isEqualTo(plus(t0, 30));
            });
  }

  @Test
  void resolvesAFiringAlertWhoseSeriesWentStale() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ofHours(1));
    for (int i = 0; i <= 3; i++) {
      tracker.observe(rule.active(plus(t0, i)));
    }

    assertThat(tracker.tick(plus(t0, 3 + 10)).isEmpty()).as("10 minutes is not stale yet").isTrue();
    Changes stale = tracker.tick(plus(t0, 3 + 10).plusSeconds(1));

    assertThat(stale.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.from()).isEqualTo(FIRING);
              assertThat(e.to()).isEqualTo(RESOLVED);
            });
    assertThat(stale.writes()).singleElement().isInstanceOf(Changes.Put.class);
  }

  @Test
  void aSlowSeriesIsStaleOnlyAfterThreeOfItsLargestGaps() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
    for (int i = 0; i <= 3; i++) {
      tracker.observe(rule.active(plus(t0, 7L * i)));
    }
    Instant last = plus(t0, 21);

    assertThat(tracker.tick(plus(last, 21)).isEmpty()).isTrue();
    assertThat(states(tracker.tick(plus(last, 22)))).containsExactly(RESOLVED);
  }

  @Test
  void stalePendingAndInactiveAlertsAreForgotten() {
    var pending = Observations.rule("db1", Duration.ofMinutes(30), Duration.ZERO);
    var inactive = Observations.rule("db2", Duration.ZERO, Duration.ZERO);
    tracker.observe(pending.active(t0));
    tracker.observe(inactive.inactive(t0));

    Changes changes = tracker.tick(plus(t0, 11));

    assertThat(changes.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.from()).isEqualTo(PENDING);
              assertThat(e.to()).isEqualTo(INACTIVE);
            });
    assertThat(changes.writes()).containsExactly(new Changes.Delete(pending.fingerprint()));
    assertThat(tracker.size()).isZero();
  }

  @Test
  void resolvedAlertsAreForgottenAfterTheRetention() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
    tracker.observe(rule.active(t0));
    tracker.observe(rule.inactive(plus(t0, 1)));
    for (int i = 2; i <= 60; i++) {
      tracker.observe(rule.inactive(plus(t0, i)));
    }

    assertThat(tracker.tick(plus(t0, 60)).isEmpty()).isTrue();
    Changes forgotten = tracker.tick(plus(t0, 61));

    assertThat(forgotten.events()).isEmpty();
    assertThat(forgotten.writes()).containsExactly(new Changes.Delete(rule.fingerprint()));
    assertThat(tracker.get(rule.fingerprint())).isEmpty();
  }

  @Test
  void illegalTransitionThrows() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
    tracker.observe(rule.inactive(t0));
    AlertRecord inactive = tracker.get(rule.fingerprint()).orElseThrow();

    assertThatThrownBy(() -> Transitions.transition(inactive, RESOLVED, t0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("INACTIVE → RESOLVED");
  }

  @Test
  void failedTransactionPutsThePreviousStateBack() {
    var rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
    tracker.observe(rule.inactive(t0));

    assertThatThrownBy(
            () ->
                tracker.observe(
                    rule.active(plus(t0, 1)),
                    changes -> {
                      throw new IllegalStateException("database down");
                    }))
        .hasMessage("database down");
    Changes retried = tracker.observe(rule.active(plus(t0, 2)));

    assertThat(states(retried)).as("the firing is not lost").containsExactly(FIRING);
  }

  @Test
  void tracksARuleWhileOneOfItsAlertsIsMoreThanQuietlyInactive() {
    var db1 = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
    var db2 = Observations.rule("db2", Duration.ZERO, Duration.ZERO);

    tracker.observe(db2.inactive(t0));
    assertThat(tracker.tracks(db2.fingerprint())).as("known").isTrue();
    assertThat(tracker.tracksRule("HostDown")).as("only a quiet inactive alert").isFalse();

    tracker.observe(db1.active(t0));
    assertThat(tracker.tracksRule("HostDown")).isTrue();
    tracker.observe(db1.inactive(plus(t0, 1)));
    assertThat(tracker.get(db1.fingerprint()).orElseThrow().state()).isEqualTo(RESOLVED);
    assertThat(tracker.tracksRule("HostDown")).as("resolved, not forgotten").isTrue();

    tracker.tick(plus(t0, 62));
    assertThat(tracker.tracks(db1.fingerprint())).as("forgotten after retention").isFalse();
    assertThat(tracker.tracks(db2.fingerprint())).as("stale, forgotten").isFalse();
    assertThat(tracker.tracksRule("HostDown")).isFalse();
  }

  @Test
  void aFailedCommitPutsTheRulesCountBack() {
    var db1 = Observations.rule("db1", Duration.ZERO, Duration.ZERO);

    assertThatThrownBy(
            () ->
                tracker.observe(
                    db1.active(t0),
                    changes -> {
                      throw new IllegalStateException("store down");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(tracker.tracksRule("HostDown")).isFalse();
    assertThat(tracker.tracks(db1.fingerprint())).isFalse();
  }

  private static Observation firingDisk(Instant at, double value) {
    return new Observation(
        "DiskFull",
        Severity.WARNING,
        Duration.ZERO,
        Duration.ZERO,
        Labels.of("alertname", "DiskFull", "source", "db1"),
        true,
        value,
        Map.of("summary", "db1 is " + value + " % full"),
        at);
  }

  @Test
  void steadyObservationsOfAFiringAlertStillMoveItsLastSeenValueAndAnnotations() {
    for (int m = 0; m <= 30; m++) {
      tracker.observe(firingDisk(plus(t0, m), 90 + m));
    }
    String fingerprint = firingDisk(t0, 0).fingerprint();

    AlertRecord r = tracker.get(fingerprint).orElseThrow();
    assertThat(r.state()).isEqualTo(FIRING);
    assertThat(r.lastSeen()).isEqualTo(plus(t0, 30));
    assertThat(r.value()).isEqualTo(120.0);
    assertThat(r.annotations()).containsEntry("summary", "db1 is 120.0 % full");
    assertThat(r.maxGap()).isEqualTo(Duration.ofMinutes(1));
    assertThat(r.history().count()).isEqualTo(21);
    // Seen at minute 30, so not stale 9 minutes later (it would be, from minute 20 or 21).
    assertThat(tracker.tick(plus(t0, 39)).events()).isEmpty();
    assertThat(tracker.tick(plus(t0, 41)).events())
        .singleElement()
        .satisfies(
            e -> assertThat(e.annotations()).containsEntry("summary", "db1 is 120.0 % full"));
  }

  @Test
  void aFailedCommitOfASteadyObservationPutsTheLastSeenBack() {
    for (int m = 0; m <= 25; m++) {
      tracker.observe(firingDisk(plus(t0, m), 95));
    }
    String fingerprint = firingDisk(t0, 0).fingerprint();

    assertThatThrownBy(
            () ->
                tracker.observe(
                    firingDisk(plus(t0, 26), 99),
                    changes -> {
                      throw new IllegalStateException("store down");
                    }))
        .isInstanceOf(IllegalStateException.class);

    AlertRecord r = tracker.get(fingerprint).orElseThrow();
    assertThat(r.lastSeen()).isEqualTo(plus(t0, 25));
    assertThat(r.value()).isEqualTo(95.0);
  }
}
