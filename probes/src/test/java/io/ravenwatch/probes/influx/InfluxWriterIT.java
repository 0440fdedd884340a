package io.ravenwatch.probes.influx;

import static io.ravenwatch.probes.influx.InfluxWriterSpoolOnlyTest.points;
import static io.ravenwatch.probes.influx.InfluxWriterSpoolOnlyTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.config.DataSize;
import io.ravenwatch.testkit.InfluxServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer against a real influxd, including influxd going away and coming back. */
class InfluxWriterIT {
  private static final Pattern COUNT = Pattern.compile("\\[0,(\\d+)]");
  private static InfluxServer influx;

  @TempDir Path dataDir;
  private String db;
  private final SelfMetrics metrics = new SelfMetrics("it-host");

  @BeforeAll
  static void startInflux() {
    influx = InfluxServer.launch();
  }

  @AfterAll
  static void stopInflux() {
    influx.close();
  }

  @BeforeEach
  void freshDatabase(org.junit.jupiter.api.TestInfo info) {
    if (!influx.running()) {
      influx.start();
    }
    db = "db_" + info.getTestMethod().orElseThrow().getName();
    influx.createDatabase(db);
  }

  private InfluxSettings settings(int batchSize, DataSize spoolMax) {
    InfluxSettings base = InfluxWriterSpoolOnlyTest.settings(influx.url(), batchSize, spoolMax);
    return new InfluxSettings(
        base.url(),
        db,
        null,
        null,
        null,
        null,
        batchSize,
        base.flushInterval(),
        true,
        base.timeout(),
        spoolMax);
  }

  private InfluxWriter writer(InfluxSettings settings) {
    return new InfluxWriter(
        settings,
        dataDir,
        Clock.systemUTC(),
        metrics,
        new InfluxWriter.Tuning(
            100_000, Duration.ofDays(1), Duration.ofMillis(100), Duration.ofMillis(400)));
  }

  @Test
  void writesItsOwnHealthToTheRavenwatchMeasurement() {
    metrics.recordPoll("snmp", Duration.ofMillis(15), false);
    metrics.recordPoll("snmp", Duration.ofMillis(5), true);
    try (InfluxWriter writer =
        new InfluxWriter(
            settings(100, DataSize.ofMebibytes(1)),
            dataDir,
            Clock.systemUTC(),
            metrics,
            new InfluxWriter.Tuning(
                1_000, Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(400)))) {
      writer.start();
      writer.write(points("m", 0, 5));
      await()
          .until(
              () ->
                  influx
                      .query(
                          "SELECT last(points_written) FROM ravenwatch WHERE component='influx'"
                              + " AND host='it-host'",
                          db)
                      .contains("\"values\""));
    }
    String poller =
        influx.query(
            "SELECT polls, failures, duration_sum_ms, duration_max_ms FROM ravenwatch"
                + " WHERE component='poller' AND probe_type='snmp'",
            db);
    assertThat(poller).contains(",2,1,20,15]");
  }

  private long count(String measurement) {
    String json = influx.query("SELECT count(v) FROM \"" + measurement + "\"", db);
    Matcher m = COUNT.matcher(json);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  @Test
  void writesPointsThatReadBackWithTheirTagsFieldTypesAndTimestamps() {
    Instant time = Instant.parse("2026-03-01T12:00:00.123456789Z");
    Point point =
        Point.builder("net_response", time)
            .tag("server", "db 1")
            .tag("port", "5432")
            .field("response_time", 0.0021)
            .field("result_code", 0)
            .field("result", "success \"ok\"")
            .field("up", true)
            .build();
    try (InfluxWriter writer = writer(settings(100, DataSize.ofMebibytes(1)))) {
      writer.start();
      writer.onResult(
          new ProbeResult(
              "db1",
              "tcp",
              "net_response",
              time,
              Duration.ofMillis(2),
              ProbeResult.Status.OK,
              "",
              List.of(point)));
      await().until(() -> metrics.pointsWritten() == 1);
    }

    String json =
        influx.query(
            "SELECT response_time, result_code, result, up, server, port FROM net_response", db);
    assertThat(json)
        .contains("[1772366400123456789,0.0021,0,\"success \\\"ok\\\"\",true,\"db 1\",\"5432\"]");
    String types = influx.query("SHOW FIELD KEYS FROM net_response", db);
    assertThat(types)
        .contains("[\"response_time\",\"float\"]")
        .contains("[\"result_code\",\"integer\"]")
        .contains("[\"result\",\"string\"]")
        .contains("[\"up\",\"boolean\"]");
    assertThat(influx.query("SHOW TAG KEYS FROM net_response", db))
        .contains("[\"port\"],[\"server\"]");
  }

  @Test
  void deliversEveryPointExactlyOnceAcrossAnInfluxRestart() {
    try (InfluxWriter writer = writer(settings(200, DataSize.ofMebibytes(8)))) {
      writer.start();
      writer.write(points("restart", 0, 1_000));
      await().until(() -> count("restart") == 1_000);

      influx.stop();
      writer.write(points("restart", 1_000, 2_000));
      await().until(() -> metrics.pointsSpooled() >= 1_000);
      writer.write(points("restart", 2_000, 3_000));
      await().until(() -> writer.spooledPoints() == 2_000);

      influx.start();
      writer.write(points("restart", 3_000, 4_000));
      await().until(() -> count("restart") == 4_000 && writer.spooledPoints() == 0);
    }
    assertThat(count("restart")).isEqualTo(4_000);
    // InfluxDB would fold a resent point into the stored one, so also check none was sent twice
    assertThat(metrics.pointsWritten()).isEqualTo(4_000);
    assertThat(metrics.writeErrors()).isPositive();
    // the last thousand may have joined the spool too, behind the older points still in it
    assertThat(metrics.pointsReplayed()).isBetween(2_000L, 3_000L);
    assertThat(metrics.pointsDropped()).isZero();
  }

  @Test
  void countsARefusedPointAndStillDeliversThePointsBehindIt() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (InfluxWriter writer = writer(settings(100, DataSize.ofMebibytes(1)))) {
      writer.start();
      writer.write(List.of(Point.builder("typed", now).field("v", 1).build()));
      await().until(() -> count("typed") == 1);

      Point conflicting = Point.builder("typed", now.plusSeconds(1)).field("v", "text").build();
      List<Point> behind =
          List.of(
              Point.builder("typed", now.plusSeconds(2)).field("v", 2).build(),
              Point.builder("typed", now.plusSeconds(3)).field("v", 3).build());
      writer.write(List.of(conflicting, behind.get(0), behind.get(1)));
      await().until(() -> metrics.pointsRejected() == 1);
      await().until(() -> count("typed") == 3);

      writer.write(List.of(Point.builder("typed", now.plusSeconds(4)).field("v", 4).build()));
      await().until(() -> count("typed") == 4);
    }
    assertThat(metrics.writeErrors()).isZero();
    assertThat(metrics.pointsSpooled()).isZero();
  }

  @Test
  void aNewWriterReplaysTheSpoolLeftByTheLastOne() {
    influx.stop();
    try (InfluxWriter first = writer(settings(100, DataSize.ofMebibytes(1)))) {
      first.start();
      first.write(points("left", 0, 300));
    }
    assertThat(metrics.pointsSpooled()).isEqualTo(300);

    influx.start();
    try (InfluxWriter second = writer(settings(100, DataSize.ofMebibytes(1)))) {
      second.start();
      await().until(() -> second.spooledPoints() == 0);
      second.write(points("left", 300, 310));
      await().until(() -> count("left") == 310);
    }
    assertThat(metrics.pointsReplayed()).isEqualTo(300);
  }

  @Test
  void aFullSpoolDropsTheOldestPointsAndCountsThem() {
    List<Point> all = points("full", 0, 100);
    long segment = 20 * (all.getFirst().toLineProtocol().length() + 1);
    influx.stop();
    try (InfluxWriter writer = writer(settings(20, new DataSize(segment * 2)))) {
      writer.start();
      for (int i = 0; i < 100; i += 20) {
        int from = i;
        writer.write(all.subList(from, from + 20));
        await().until(() -> metrics.pointsSpooled() + metrics.pointsDropped() >= from + 20);
      }
      assertThat(metrics.pointsDropped()).isGreaterThanOrEqualTo(60);

      influx.start();
      await().until(() -> writer.spooledPoints() == 0);
    }
    long kept = 100 - metrics.pointsDropped();
    assertThat(count("full")).isEqualTo(kept);
    String oldest = influx.query("SELECT first(v) FROM full", db);
    assertThat(oldest).contains("," + (100 - kept) + "]");
  }
}
