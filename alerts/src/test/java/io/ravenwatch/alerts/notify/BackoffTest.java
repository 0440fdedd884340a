package io.ravenwatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFromOneSecondWithinTwentyPercentJitter() {
    var random = new Random(7);
    for (int failures = 1; failures <= 8; failures++) {
      long base = 1000L << (failures - 1);
      Duration d = Backoff.STANDARD.delay(failures, random);
      assertThat(d.toMillis()).isBetween(base * 8 / 10, base * 12 / 10);
    }
  }

  @Test
  void neverWaitsMoreThanFiveMinutes() {
    var random = new Random(7);
    for (int failures = 9; failures < 100; failures++) {
      assertThat(Backoff.STANDARD.delay(failures, random))
          .isLessThanOrEqualTo(Duration.ofMinutes(5))
          .isGreaterThanOrEqualTo(Duration.ofMinutes(4));
    }
  }

  @Test
  void jitterSpreadsRetriesOfReceiversThatFailedTogether() {
    var random = new Random(7);
    var seen = new java.util.HashSet<Duration>();
    for (int i = 0; i < 20; i++) {
      seen.add(Backoff.STANDARD.delay(5, random));
    }
    assertThat(seen).hasSizeGreaterThan(10);
  }
}
