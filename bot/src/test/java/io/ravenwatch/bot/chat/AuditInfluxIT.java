package io.ravenwatch.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ravenwatch.alerts.store.Json;
import io.ravenwatch.bot.chat.audit.AuditLog;
import io.ravenwatch.bot.chat.audit.AuditSinks;
import io.ravenwatch.probes.config.DataSize;
import io.ravenwatch.probes.influx.InfluxSettings;
import io.ravenwatch.probes.influx.InfluxWriter;
import io.ravenwatch.probes.influx.SelfMetrics;
import io.ravenwatch.testkit.InfluxServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat actions become annotation points in a real InfluxDB, written through the InfluxWriter. */
class AuditInfluxIT {
  private static final String DB = "audit";
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
  @DisplayName("an ok command and a refusal are annotations with user, command and outcome tags")
  void writesAnnotations() {
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
    try (var writer =
        new InfluxWriter(settings, dataDir, Clock.systemUTC(), new SelfMetrics("it-host"))) {
      writer.start();
      var commands = new TestCommands();
      var dispatcher =
          new CommandDispatcher(
              commands.registry(),
              new Permissions(
                  Map.of(Capability.VIEW, Set.of("1")), EnumSet.noneOf(Capability.class)),
              new AuditLog(List.of(AuditSinks.influx(writer::write))),
              new ConfirmationBook(Duration.ofSeconds(60)),
              Clock.systemUTC());
      var alice = new Caller("200000000000000001", "alice", Set.of("1"));

      dispatcher.dispatch(
          new Invocation(alice, "status", "", Map.of("target", "web 1"), new RecordingReply()));
      dispatcher.dispatch(
          new Invocation(
              alice, "silence", "add", Map.of("matcher", "source=web1"), new RecordingReply()));

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows()).hasSize(2));
    }
    List<JsonNode> rows = rows();
    JsonNode columns = Json.mapper().valueToTree(columnsOf());
    assertThat(columns.toString())
        .contains("\"command\"", "\"kind\"", "\"outcome\"", "\"user\"", "\"title\"", "\"text\"");
    assertThat(rows.get(0).toString())
        .contains("\"/status\"", "\"chat_action\"", "\"ok\"", "\"alice\"")
        .contains("alice: /status (ok)")
        .contains("target:\\\"web 1\\\" → ok");
    assertThat(rows.get(1).toString())
        .contains("\"/silence add\"", "\"refused\"")
        .contains("matcher:source=web1 → refused: needs the silence permission");
  }

  private static List<JsonNode> rows() {
    JsonNode series = series();
    if (series == null) {
      return List.of();
    }
    var rows = new java.util.ArrayList<JsonNode>();
    series.get("values").forEach(rows::add);
    return rows;
  }

  private static JsonNode columnsOf() {
    return series().get("columns");
  }

  private static JsonNode series() {
    String body =
        influx.query(
            "SELECT \"title\", \"text\", \"command\", \"kind\", \"outcome\", \"user\""
                + " FROM \"annotations\" WHERE \"kind\" = 'chat_action'",
            DB);
    JsonNode result = Json.read(body, JsonNode.class).path("results").path(0).path("series");
    return result.isMissingNode() || result.isEmpty() ? null : result.get(0);
  }
}
