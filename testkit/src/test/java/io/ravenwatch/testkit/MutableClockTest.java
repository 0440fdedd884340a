package io.ravenwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  @Test
  void standsStillUntilMoved() {
    MutableClock clock = MutableClock.at("2025-01-01T10:00:00Z");

    assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-01T10:00:00Z"));
    assertThat(clock.millis()).isEqualTo(Instant.parse("2025-01-01T10:00:00Z").toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void advancesAndSetsByHand() {
    MutableClock clock = new MutableClock(Instant.parse("2025-01-01T10:00:00Z"));

    clock.advance(Duration.ofMinutes(5));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-01T10:05:00Z"));

    clock.set(Instant.parse("2024-06-30T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2024-06-30T00:00:00Z"));
  }

  @Test
  void losesNoAdvanceWhenThreadsMoveItTogether() throws Exception {
    MutableClock clock = MutableClock.at("2025-01-01T00:00:00Z");
    int threads = 4;
    int steps = 10_000;
    var go = new CountDownLatch(1);
    var workers = new ArrayList<Thread>();
    for (int i = 0; i < threads; i++) {
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      go.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                    for (int s = 0; s < steps; s++) {
                      clock.advance(Duration.ofMillis(1));
                    }
                  }));
    }
    go.countDown();
    for (Thread worker : workers) {
      worker.join();
    }

    assertThat(clock.instant())
        .isEqualTo(Instant.parse("2025-01-01T00:00:00Z").plusMillis((long) threads * steps));
  }

  @Test
  void refusesToChangeZone() {
    MutableClock clock = MutableClock.at("2025-01-01T00:00:00Z");

    assertThatThrownBy(() -> clock.withZone(ZoneId.of("Europe/Paris")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
