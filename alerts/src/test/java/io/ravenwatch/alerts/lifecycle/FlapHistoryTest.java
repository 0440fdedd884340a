package io.ravenwatch.alerts.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FlapHistoryTest {
  private static FlapHistory of(int window, boolean... results) {
    FlapHistory h = FlapHistory.EMPTY;
    for (boolean r : results) {
      h = h.push(r, window);
    }
    return h;
  }

  @Test
  void steadyHistoryHasNoStateChange() {
    assertThat(of(21, true, true, true, true).percentChange(21)).isZero();
  }

  @Test
  void alternatingFullWindowIsAHundredPercent() {
    boolean[] results = new boolean[21];
    for (int i = 0; i < results.length; i++) {
      results[i] = i % 2 == 0;
    }

    assertThat(of(21, results).percentChange(21)).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void newestChangeWeighsOnePointTwoAndOldestZeroPointEight() {
    boolean[] newest = new boolean[21];
    newest[20] = true; // one change, between the last two results
    boolean[] oldest = new boolean[21];
    oldest[0] = true; // one change, between the first two results

    assertThat(of(21, newest).percentChange(21)).isCloseTo(1.2 * 100 / 20, within(1e-9));
    assertThat(of(21, oldest).percentChange(21)).isCloseTo(0.8 * 100 / 20, within(1e-9));
  }

  @Test
  void resultsOlderThanTheWindowAreDropped() {
    FlapHistory h = of(5, true, false, false, false, false, false);

    assertThat(h.count()).isEqualTo(5);
    assertThat(h.percentChange(5)).isZero();
  }

  @Test
  void shorterHistoryCountsAsChangesAtTheNewestPositions() {
    // Two results, one change: it sits in the newest slot, as if older results were the same.
    assertThat(of(21, true, false).percentChange(21)).isCloseTo(6.0, within(1e-9));
  }
}
