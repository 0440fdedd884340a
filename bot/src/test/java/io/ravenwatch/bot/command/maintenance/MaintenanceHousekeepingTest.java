package io.ravenwatch.bot.command.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.engine.AlertsSection;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.alerts.rule.RuleLoader;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.AlertStores;
import io.ravenwatch.alerts.store.StoreSettings;
import io.ravenwatch.bot.chat.LastResults;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import io.ravenwatch.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The housekeeping announces a scheduled window's start and end once each, by time, and not again
 * after Ravenwatch restarts: the marks live in the alert store (embedded H2 here, reopened).
 */
class MaintenanceHousekeepingTest {
  @TempDir Path dataDir;

  final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
  final RavenwatchConfig config =
      ConfigLoader.parse(
          MaintenanceCommandTest.YAML
              + """
              alerts:
                route: {group_wait: 0s, receivers: [pager]}
                receivers: {pager: {type: console}}
              """,
          "test.yml",
          Map.of(),
          ProbeRegistry.standard(),
          List.of(AlertsSection.SECTION));
  final RecordingOutlets outlets = new RecordingOutlets();
  final List<Point> points = new CopyOnWriteArrayList<>();

  /** One run of Ravenwatch: its store, engine and desk; closed like the app closes them. */
  final class Run implements AutoCloseable {
    final AlertStore store = AlertStores.open(StoreSettings.EMBEDDED, dataDir, clock);
    final AlertEngine engine =
        AlertEngine.start(
            config.section(AlertsSection.SECTION),
            RuleLoader.standard().load((Path) null, true),
            config.inventory(),
            store,
            Map.of("pager", (n, replyTo) -> DeliveryResult.delivered("msg-" + n.id())),
            config.influx(),
            clock);
    final MaintenanceDesk desk =
        new MaintenanceDesk(
            engine, config.inventory(), new LastResults(), () -> outlets, points::addAll, clock);

    @Override
    public void close() {
      engine.close();
      store.close();
    }
  }

  List<String> events() {
    return points.stream().map(p -> p.tag("event")).toList();
  }

  @Test
  @DisplayName("a scheduled window's start and end are announced once each, restarts included")
  void announcesOnceAcrossRestarts() throws Exception {
    String id;
    try (var run = new Run()) {
      var request =
          WindowRequest.parse(
              config.inventory(),
              "db",
              "2026-11-22T11:00Z",
              "1h",
              null,
              "postgres upgrade",
              clock.instant(),
              true);
      id = run.desk.schedule(request, "alice").id();
      run.desk.sweep();
      assertThat(outlets.titles()).containsExactly("🗓 Maintenance scheduled");

      clock.set(Instant.parse("2026-11-22T11:00:10Z"));
      run.desk.sweep();
      run.desk.sweep();
      assertThat(outlets.titles())
          .containsExactly("🗓 Maintenance scheduled", "🔧 Maintenance started");
      assertThat(events()).containsExactly("start");
      assertThat(points.getFirst().time()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
    }

    try (var restarted = new Run()) {
      restarted.desk.sweep();
      assertThat(outlets.titles()).hasSize(2);
      assertThat(events()).containsExactly("start");
      MaintenanceWindow w = restarted.engine.maintenance().list().getFirst();
      assertThat(w.id()).isEqualTo(id);

      clock.set(Instant.parse("2026-11-22T12:00:05Z"));
      restarted.desk.sweep();
      restarted.desk.sweep();
      assertThat(outlets.titles())
          .containsExactly(
              "🗓 Maintenance scheduled",
              "🔧 Maintenance started",
              "⚠️ Maintenance ended: not all green");
      assertThat(outlets.announced.getLast().embeds().getFirst().description())
          .startsWith("Not probed yet: db1")
          .contains("Ended on schedule.");
      assertThat(events()).containsExactly("start", "end");
    }

    try (var again = new Run()) {
      clock.advance(Duration.ofMinutes(5));
      again.desk.sweep();
      assertThat(outlets.titles()).hasSize(3);
      assertThat(events()).containsExactly("start", "end");
    }
  }

  @Test
  @DisplayName("each occurrence of a recurring window is announced at its start and end, once")
  void announcesEachOccurrenceOfARecurringWindow() throws Exception {
    clock.set(Instant.parse("2026-11-22T01:30:00Z"));
    try (var run = new Run()) {
      run.engine
          .maintenance()
          .schedule(
              new MaintenanceWindow(
                  "nightly",
                  "nightly backups",
                  new MaintenanceWindow.Scope(List.of(), List.of("db"), List.of()),
                  null,
                  null,
                  "0 0 2 * * ?",
                  Duration.ofHours(1),
                  java.time.ZoneOffset.UTC,
                  "config",
                  clock.instant()));
      run.desk.sweep();
      assertThat(outlets.titles()).as("yesterday's occurrence was before it existed").isEmpty();

      clock.set(Instant.parse("2026-11-22T02:00:05Z"));
      run.desk.sweep();
      run.desk.sweep();
      assertThat(outlets.titles()).containsExactly("🔧 Maintenance started");

      clock.set(Instant.parse("2026-11-22T03:00:05Z"));
      run.desk.sweep();
      clock.set(Instant.parse("2026-11-23T02:00:05Z"));
      run.desk.sweep();
      run.desk.sweep();
      assertThat(outlets.titles())
          .containsExactly(
              "🔧 Maintenance started",
              "⚠️ Maintenance ended: not all green",
              "🔧 Maintenance started");
      assertThat(events()).containsExactly("start", "end", "start");
      assertThat(points.get(2).time()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
    }
  }

  @Test
  @DisplayName("a window that ended long ago while Ravenwatch was down is not announced")
  void staleWindowIsNotAnnounced() throws Exception {
    try (var run = new Run()) {
      run.desk.schedule(
          WindowRequest.parse(
              config.inventory(),
              "web1",
              "2026-11-22T11:00Z",
              "1h",
              null,
              "x",
              clock.instant(),
              true),
          "alice");
    }
    clock.set(Instant.parse("2026-11-24T10:00:00Z"));
    try (var run = new Run()) {
      run.desk.sweep();
    }
    assertThat(outlets.titles()).containsExactly("🗓 Maintenance scheduled");
    assertThat(points).isEmpty();
  }
}
