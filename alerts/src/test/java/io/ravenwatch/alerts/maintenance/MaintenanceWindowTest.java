package io.ravenwatch.alerts.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.maintenance.MaintenanceWindow.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {
  private static final Scope SCOPE = new Scope(List.of("db1"), List.of(), List.of());
  private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

  private static MaintenanceWindow weekly(Instant start, Instant end) {
    return new MaintenanceWindow(
        "w",
        "",
        SCOPE,
        start,
        end,
        "0 0 2 ? * SUN",
        Duration.ofHours(2),
        ZoneId.of("Europe/Paris"),
        "alice",
        CREATED);
  }

  @Test
  void occurrencesAreOneOffWindowsPerOpeningCutAtTheRecurrencesEnd() {
    var w = weekly(null, Instant.parse("2025-03-16T02:00:00Z"));
    List<MaintenanceWindow> seen =
        w.occurrences(
            Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-31T00:00:00Z"), 10);

    assertThat(seen)
        .extracting(MaintenanceWindow::id)
        .containsExactly(
            "w@2025-03-02T01:00:00Z", "w@2025-03-09T01:00:00Z", "w@2025-03-16T01:00:00Z");
    assertThat(seen.getLast().end()).as("cut at the recurrence's end").isEqualTo(w.end());
    assertThat(seen).noneMatch(MaintenanceWindow::recurring);
    assertThat(
            weekly(null, null)
                .occurrences(Instant.parse("2024-12-01T00:00:00Z"), CREATED.plusSeconds(1), 10))
        .as("none before the window was created")
        .isEmpty();
  }

  @Test
  void weeklyWindowIsOpenOnlyWithinDurationOfEachOpeningInItsZone() {
    var w = weekly(null, null);
    // Sunday 2025-03-09: Paris is UTC+1, the window is 01:00Z to 03:00Z.
    assertThat(w.isOpen(Instant.parse("2025-03-09T00:59:59Z"))).isFalse();
    assertThat(w.isOpen(Instant.parse("2025-03-09T01:00:00Z"))).isTrue();
    assertThat(w.isOpen(Instant.parse("2025-03-09T02:59:59Z"))).isTrue();
    assertThat(w.isOpen(Instant.parse("2025-03-09T03:00:00Z"))).isFalse();
    assertThat(w.isOpen(Instant.parse("2025-03-10T01:30:00Z"))).isFalse();
    // After the switch to summer time (30 March), 02:00 Paris is 00:00Z.
    assertThat(w.isOpen(Instant.parse("2025-04-06T00:30:00Z"))).isTrue();
  }

  @Test
  void recurrenceAppliesOnlyBetweenStartAndEnd() {
    var w = weekly(Instant.parse("2025-03-10T00:00:00Z"), Instant.parse("2025-03-20T00:00:00Z"));

    assertThat(w.isOpen(Instant.parse("2025-03-09T01:30:00Z"))).isFalse();
    assertThat(w.isOpen(Instant.parse("2025-03-16T01:30:00Z"))).isTrue();
    assertThat(w.isOpen(Instant.parse("2025-03-23T01:30:00Z"))).isFalse();
  }

  @Test
  void oneOffWindowIsOpenFromStartUntilEnd() {
    var w =
        new MaintenanceWindow(
            "w",
            "",
            SCOPE,
            Instant.parse("2025-03-09T10:00:00Z"),
            Instant.parse("2025-03-09T11:00:00Z"),
            null,
            null,
            null,
            "",
            CREATED);

    assertThat(w.isOpen(Instant.parse("2025-03-09T09:59:59Z"))).isFalse();
    assertThat(w.isOpen(Instant.parse("2025-03-09T10:00:00Z"))).isTrue();
    assertThat(w.isOpen(Instant.parse("2025-03-09T11:00:00Z"))).isFalse();
  }

  @Test
  void badCronIsRejected() {
    assertThatThrownBy(
            () ->
                new MaintenanceWindow(
                    "w",
                    "",
                    SCOPE,
                    null,
                    null,
                    "every sunday",
                    Duration.ofHours(1),
                    null,
                    "",
                    CREATED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("every sunday");
  }
}
