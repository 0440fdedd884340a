package io.ravenwatch.alerts.route;

import static io.ravenwatch.alerts.route.RouterHarness.host;
import static io.ravenwatch.alerts.route.RouterHarness.labels;
import static io.ravenwatch.alerts.route.RouterHarness.sources;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notification.Kind;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Maintenance windows mute like silences, with the same policy. */
class MaintenanceTest {

  private final RouterHarness h =
      new RouterHarness(
          RouteSettings.DEFAULT,
          List.of(host("switch1", ""), host("db1", "switch1"), host("web1", "")));

  /** Sundays 02:00 to 04:00, Paris time. */
  private MaintenanceWindow weekly(Scope scope) {
    return h.maintenance.schedule(
        new MaintenanceWindow(
            "w1",
            "patch night",
            scope,
            null,
            null,
            "0 0 2 ? * SUN",
            Duration.ofHours(2),
            ZoneId.of("Europe/Paris"),
            "alice",
            h.clock.instant()));
  }

  @Test
  void alertInsideTheWeeklyWindowIsMutedAndNotifiedOnceItCloses() {
    h.clock.set(Instant.parse("2025-03-09T01:30:00Z")); // Sunday 02:30 in Paris (UTC+1)
    weekly(new Scope(List.of("db1"), List.of(), List.of()));

    h.fire(labels("disk_full", "db1"));
    h.advanceMinutes(89); // 03:59 Paris
    assertThat(h.sent()).isEmpty();

    h.advanceMinutes(1); // 04:00: closed
    h.advance(Duration.ofSeconds(5)); // group_wait

    assertThat(h.sent()).extracting(Notification::kind).containsExactly(Kind.FIRING);
  }

  @Test
  void alertOutsideTheWeeklyWindowIsNotified() {
    h.clock.set(Instant.parse("2025-03-10T01:30:00Z")); // Monday
    weekly(new Scope(List.of("db1"), List.of(), List.of()));

    h.fire(labels("disk_full", "db1"));
    h.advance(Duration.ofSeconds(5));

    assertThat(h.sent()).hasSize(1);
  }

  @Test
  void windowOnAParentCoversItsDependentsButNotOthers() {
    h.clock.set(Instant.parse("2025-03-09T01:30:00Z"));
    weekly(new Scope(List.of("switch1"), List.of(), List.of()));

    h.fire(labels("disk_full", "db1"));
    h.fire(labels("disk_full", "web1"));
    h.advance(Duration.ofSeconds(5));

    assertThat(h.sent()).hasSize(1);
    assertThat(sources(h.sent().getFirst())).containsExactly("web1");
  }

  @Test
  void endingAWindowUnmutesAtOnce() {
    h.clock.set(Instant.parse("2025-03-09T01:30:00Z"));
    weekly(new Scope(List.of(), List.of(), List.of("eu")));
    h.fire(labels("disk_full", "db1"));
    h.advanceMinutes(10);
    assertThat(h.sent()).isEmpty();

    h.maintenance.end("w1");
    h.advance(Duration.ofSeconds(6)); // the next tick, then group_wait

    assertThat(h.sent()).hasSize(1);
    assertThat(h.maintenance.list()).isEmpty();
  }
}
