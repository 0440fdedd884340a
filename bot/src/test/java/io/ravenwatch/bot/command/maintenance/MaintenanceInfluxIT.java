package io.ravenwatch.bot.command.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ravenwatch.alerts.store.Json;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.command.CommandFixture;
import io.ravenwatch.bot.command.RecordingReply;
import io.ravenwatch.probes.config.DataSize;
import io.ravenwatch.probes.influx.InfluxSettings;
import io.ravenwatch.probes.influx.InfluxWriter;
import io.ravenwatch.probes.influx.SelfMetrics;
import io.ravenwatch.testkit.InfluxServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A window's start and end land in a real InfluxDB as annotations, through the InfluxWriter. */
class MaintenanceInfluxIT {
  private static final String DB = "maint";
  private static InfluxServer influx;

  @TempDir Path dataDir;

  @BeforeAll
  static void startInflux() {
    influx = InfluxServer.launch();
    influx.createDatabase(DB);
  }

  @AfterAll
  static void stopInflux() {
    if (influx != null) {
      influx.close();
    }
  }

  @Test
  @DisplayName("start and end are points of 'annotations' tagged kind=maintenance")
  void writesStartAndEnd() throws Exception {
    var settings =
        new InfluxSettings(
            influx.url(),
            DB,
            null,
            null,
            null,
            null,
            100,
            Duration.ofMillis(100),
            true,
            Duration.ofSeconds(5),
            DataSize.parse("16MiB"));
    String id;
    try (var fx = new CommandFixture(MaintenanceCommandTest.YAML);
        var writer =
            new InfluxWriter(settings, dataDir, Clock.systemUTC(), new SelfMetrics("it-host"))) {
      writer.start();
      var command = new MaintenanceCommand(fx.context.withPoints(writer::write));
      command.handle(
          invocation(
              "start", Map.of("scope", "web", "duration", "1h", "reason", "rolling restart")));
      id = fx.engine.maintenance().list().getFirst().id();
      fx.clock.advance(Duration.ofMinutes(20));
      command.handle(invocation("end", Map.of("id", id)));

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows()).hasSize(2));
    }
    List<JsonNode> rows = rows();
    // time, title, text, kind, event, user, window_id
    assertThat(rows.get(0).get(0).asLong()).isEqualTo(nanos("2026-11-22T10:00:00Z"));
    assertThat(rows.get(0).get(1).asText()).isEqualTo("Maintenance started: rolling restart");
    assertThat(rows.get(0).get(2).asText()).contains("Scope: group web");
    assertThat(rows.get(0).get(3).asText()).isEqualTo("maintenance");
    assertThat(rows.get(0).get(4).asText()).isEqualTo("start");
    assertThat(rows.get(0).get(5).asText()).isEqualTo("alice");
    assertThat(rows.get(0).get(6).asText()).isEqualTo(id);
    assertThat(rows.get(1).get(0).asLong()).isEqualTo(nanos("2026-11-22T10:20:00Z"));
    assertThat(rows.get(1).get(1).asText()).isEqualTo("Maintenance ended: rolling restart");
    assertThat(rows.get(1).get(2).asText())
        .isEqualTo("0 alerts fired during the window. Not probed yet: web1, web2.");
    assertThat(rows.get(1).get(4).asText()).isEqualTo("end");
  }

  private static long nanos(String iso) {
    return java.time.Instant.parse(iso).toEpochMilli() * 1_000_000;
  }

  private static Invocation invocation(String sub, Map<String, String> options) {
    return new Invocation(CommandFixture.ALICE, "maintenance", sub, options, new RecordingReply());
  }

  private static List<JsonNode> rows() {
    String body =
        influx.query(
            "SELECT \"title\", \"text\", \"kind\", \"event\", \"user\", \"window_id\""
                + " FROM \"annotations\" WHERE \"kind\" = 'maintenance'",
            DB);
    JsonNode series = Json.read(body, JsonNode.class).path("results").path(0).path("series");
    var rows = new ArrayList<JsonNode>();
    if (!series.isMissingNode() && !series.isEmpty()) {
      series.get(0).get("values").forEach(rows::add);
    }
    return rows;
  }
}
