package io.ravenwatch.alerts.lifecycle;

import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.api.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Ad hoc measurement, not a test: observations per second on one thread for 10,000 alerts, 1 % of
 * whose conditions flip per round (the rest steady). Run with the test classpath: {@code java -cp …
 * io.ravenwatch.alerts.lifecycle.LifecycleThroughput}.
 */
final class LifecycleThroughput {
  private LifecycleThroughput() {}

  public static void main(String[] args) {
    int alerts = 10_000;
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    var tracker = new AlertTracker(LifecycleSettings.DEFAULTS, Clock.systemUTC());
    var labels = new Labels[alerts];
    for (int i = 0; i < alerts; i++) {
      labels[i] =
          Labels.of(
              "alertname",
              "DiskFull",
              "severity",
              "warning",
              "source",
              "host" + (i / 10),
              "path",
              "/data" + (i % 10),
              "region",
              "eu-west");
    }
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    var annotations = Map.of("summary", "disk almost full");
    long events = 0;
    long writes = 0;
    for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up
      long t0 = System.nanoTime();
      long n = 0;
      for (int r = 0; r < rounds; r++) {
        Instant at = start.plus(Duration.ofSeconds(10L * (pass * rounds + r)));
        for (int i = 0; i < alerts; i++) {
          // 1 % of the alerts toggle every 10 rounds; the rest stay inactive.
          boolean active = i % 100 == 0 && (r / 10) % 2 == 1;
          Changes c =
              tracker.observe(
                  new Observation(
                      "DiskFull",
                      Severity.WARNING,
                      Duration.ZERO,
                      Duration.ZERO,
                      labels[i],
                      active,
                      91.5,
                      annotations,
                      at));
          events += c.events().size();
          writes += c.writes().size();
          n++;
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "pass %d: %,d observations in %.2f s = %,.0f/s (events %,d, writes %,d, alerts %,d)%n",
          pass, n, seconds, n / seconds, events, writes, tracker.size());
    }
  }
}
