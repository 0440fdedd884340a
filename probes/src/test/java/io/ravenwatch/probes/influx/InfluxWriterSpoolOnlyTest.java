package io.ravenwatch.probes.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.config.DataSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a url every point goes to the spool, in order; nothing needs an InfluxDB here. */
class InfluxWriterSpoolOnlyTest {
  @TempDir Path dataDir;

  static InfluxSettings settings(String url, int batchSize, DataSize spoolMax) {
    return new InfluxSettings(
        url,
        "ravenwatch",
        null,
        null,
        null,
        null,
        batchSize,
        Duration.ofMillis(100),
        true,
        Duration.ofSeconds(2),
        spoolMax);
  }

  static List<Point> points(String measurement, int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(
            i ->
                Point.builder(measurement, Instant.ofEpochSecond(1_700_000_000L, i))
                    .tag("n", Integer.toString(i))
                    .field("v", i)
                    .build())
        .toList();
  }

  private List<String> spooledLines() throws IOException {
    Spool spool = Spool.open(dataDir.resolve("spool"), Long.MAX_VALUE);
    List<String> lines = new ArrayList<>();
    for (SpoolSegment s : spool.oldest(Integer.MAX_VALUE)) {
      lines.addAll(spool.read(s));
    }
    return lines;
  }

  @Test
  void spoolsEveryPointInOrderWhenNoUrlIsConfigured() throws IOException {
    SelfMetrics metrics = new SelfMetrics("test");
    List<Point> points = points("m", 0, 500);
    try (InfluxWriter writer =
        new InfluxWriter(
            settings(null, 50, DataSize.ofMebibytes(1)),
            dataDir,
            Clock.systemUTC(),
            metrics,
            new InfluxWriter.Tuning(
                10_000, Duration.ofDays(1), Duration.ofSeconds(1), Duration.ofSeconds(60)))) {
      writer.start();
      for (int i = 0; i < points.size(); i += 7) {
        writer.write(points.subList(i, Math.min(points.size(), i + 7)));
      }
      await().untilAsserted(() -> assertThat(writer.spooledPoints()).isEqualTo(500));
    }
    assertThat(metrics.pointsSpooled()).isEqualTo(500);
    assertThat(metrics.pointsWritten()).isZero();
    assertThat(spooledLines()).isEqualTo(points.stream().map(Point::toLineProtocol).toList());
  }

  @Test
  void overflowsToTheSpoolInsteadOfDroppingWhenTheQueueIsFull() throws IOException {
    SelfMetrics metrics = new SelfMetrics("test");
    List<Point> points = points("m", 0, 1_000);
    try (InfluxWriter writer =
        new InfluxWriter(
            settings(null, 1_000, DataSize.ofMebibytes(1)),
            dataDir,
            Clock.systemUTC(),
            metrics,
            new InfluxWriter.Tuning(
                10, Duration.ofDays(1), Duration.ofSeconds(1), Duration.ofSeconds(60)))) {
      // not started: nothing drains the queue, so all but the last few points overflow
      points.forEach(p -> writer.write(List.of(p)));
      assertThat(writer.spooledPoints()).isGreaterThanOrEqualTo(990);
    }
    assertThat(metrics.pointsDropped()).isZero();
    assertThat(spooledLines()).isEqualTo(points.stream().map(Point::toLineProtocol).toList());
  }

  @Test
  void spoolsPointsWrittenAfterClose() throws IOException {
    SelfMetrics metrics = new SelfMetrics("test");
    InfluxWriter writer =
        new InfluxWriter(
            settings(null, 10, DataSize.ofMebibytes(1)), dataDir, Clock.systemUTC(), metrics);
    writer.start();
    writer.close();

    writer.write(points("late", 0, 3));

    assertThat(spooledLines()).hasSize(3);
  }

  @Test
  void aNewWriterContinuesTheSequenceAfterTheSpooledSegments() throws IOException {
    InfluxSettings settings = settings(null, 10, DataSize.ofMebibytes(1));
    try (InfluxWriter first =
        new InfluxWriter(settings, dataDir, Clock.systemUTC(), new SelfMetrics("t"))) {
      first.start();
      first.write(points("m", 0, 20));
    }
    try (InfluxWriter second =
        new InfluxWriter(settings, dataDir, Clock.systemUTC(), new SelfMetrics("t"))) {
      second.start();
      second.write(points("m", 20, 40));
    }
    try (Stream<Path> files = Files.list(dataDir.resolve("spool"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
    }
    assertThat(spooledLines())
        .isEqualTo(points("m", 0, 40).stream().map(Point::toLineProtocol).toList());
  }
}
