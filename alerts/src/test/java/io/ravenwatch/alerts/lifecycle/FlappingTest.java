package io.ravenwatch.alerts.lifecycle;

import static io.ravenwatch.alerts.api.AlertState.FIRING;
import static io.ravenwatch.alerts.api.AlertState.FLAPPING;
import static io.ravenwatch.alerts.api.AlertState.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.AlertEvent;
import io.ravenwatch.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlappingTest {
  private final MutableClock clock = MutableClock.at("2025-01-01T10:00:00Z");
  private final AlertTracker tracker = new AlertTracker(LifecycleSettings.DEFAULTS, clock);
  private final Observations rule = Observations.rule("db1", Duration.ZERO, Duration.ZERO);
  private int minute;

  /** Observes the results one a minute; returns the events they made. */
  private List<AlertEvent> feed(boolean... results) {
    var events = new ArrayList<AlertEvent>();
    for (boolean r : results) {
      Instant at = clock.instant().plus(Duration.ofMinutes(minute++));
      events.addAll(tracker.observe(rule.at(at, r)).events());
    }
    return events;
  }

  private static boolean[] alternating(boolean first, int n) {
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = (i % 2 == 0) == first;
    }
    return out;
  }

  private static boolean[] steady(boolean value, int n) {
    boolean[] out = new boolean[n];
    java.util.Arrays.fill(out, value);
    return out;
  }

  @Test
  void firingAlertThatFlapsIsAnnouncedOnceAsFlapping() {
    List<AlertEvent> events = feed(alternating(true, 40));

    List<AlertEvent> flapping = events.stream().filter(e -> e.to() == FLAPPING).toList();
    assertThat(flapping).singleElement().satisfies(e -> assertThat(e.from()).isEqualTo(FIRING));
    assertThat(events.getLast().to()).as("nothing after the flapping event").isEqualTo(FLAPPING);
    // Before it: the ordinary fire/resolve toggling that flap detection is there to stop.
    assertThat(events.subList(0, 4))
        .extracting(AlertEvent::to)
        .containsExactly(FIRING, RESOLVED, FIRING, RESOLVED);
    assertThat(tracker.get(rule.fingerprint()).orElseThrow().state()).isEqualTo(FLAPPING);
  }

  @Test
  void firingAgainTooSoonAfterResolvingIsFlapping() {
    List<AlertEvent> events = feed(alternating(false, 12));

    assertThat(events.stream().filter(e -> e.to() == FLAPPING))
        .singleElement()
        .satisfies(e -> assertThat(e.from()).isEqualTo(RESOLVED));
  }

  @Test
  void flappingSettlesToFiringWhenTheConditionStaysTrue() {
    feed(alternating(true, 40));

    List<AlertEvent> settled = feed(steady(true, 30));

    assertThat(settled)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.from()).isEqualTo(FLAPPING);
              assertThat(e.to()).isEqualTo(FIRING);
            });
    assertThat(tracker.get(rule.fingerprint()).orElseThrow().history().percentChange(21))
        .isLessThan(25);
  }

  @Test
  void flappingSettlesToResolvedWhenTheConditionStaysFalse() {
    feed(alternating(true, 40));

    List<AlertEvent> settled = feed(steady(false, 30));

    assertThat(settled)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.from()).isEqualTo(FLAPPING);
              assertThat(e.to()).isEqualTo(RESOLVED);
            });
  }

  @Test
  void staysFlappingBetweenTheThresholds() {
    feed(alternating(true, 40));

    // A few steady results bring the change down from 100 % but not below 25 %.
    List<AlertEvent> events = feed(steady(true, 12));

    assertThat(events).isEmpty();
    double change = tracker.get(rule.fingerprint()).orElseThrow().history().percentChange(21);
    assertThat(change).isBetween(25.0, 50.0);
  }

  @Test
  void windowAndThresholdsComeFromTheSettings() {
    // 5 results: 4 possible changes weighing 0.8, 0.93, 1.07, 1.2; three recent ones make 80 %.
    var small = new FlappingSettings(5, 60, 10);
    var tracker = new AlertTracker(LifecycleSettings.DEFAULTS.withFlapping(small), clock);
    var events = new ArrayList<AlertEvent>();
    boolean[] results = new boolean[14];
    System.arraycopy(alternating(true, 8), 0, results, 0, 8);
    java.util.Arrays.fill(results, 8, 14, true);
    for (int i = 0; i < results.length; i++) {
      Instant at = clock.instant().plus(Duration.ofMinutes(i));
      events.addAll(tracker.observe(rule.at(at, results[i])).events());
    }

    assertThat(events)
        .extracting(AlertEvent::to)
        .containsExactly(FIRING, RESOLVED, FIRING, FLAPPING, FIRING);
  }
}
