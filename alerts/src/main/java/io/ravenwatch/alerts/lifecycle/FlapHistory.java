package io.ravenwatch.alerts.lifecycle;

/**
 * The last evaluation results of one alert (condition true or false), newest in bit 0, and the
 * Nagios percent state change over them. Immutable and one {@code long}, so keeping it for every
 * alert and storing it costs next to nothing.
 *
 * @param bits the results, newest in bit 0 (1: condition true)
 * @param count how many results are kept (at most the window)
 */
public record FlapHistory(long bits, int count) {

  public static final FlapHistory EMPTY = new FlapHistory(0, 0);

  /** Weight of the oldest change; the newest weighs {@link #HIGH_WEIGHT} (Nagios' curve). */
  static final double LOW_WEIGHT = 0.8;

  static final double HIGH_WEIGHT = 1.2;

  public FlapHistory {
    if (count < 0 || count > FlappingSettings.MAX_WINDOW) {
      throw new IllegalArgumentException("history count out of range: " + count);
    }
  }

  /** This history with one more result, the oldest dropped beyond {@code window}. */
  public FlapHistory push(boolean active, int window) {
    long next = (bits << 1) | (active ? 1 : 0);
    return new FlapHistory(next & mask(window), Math.min(count + 1, window));
  }

  /** This history cut to {@code window} results (when the window setting shrank). */
  public FlapHistory fit(int window) {
    return count <= window ? this : new FlapHistory(bits & mask(window), window);
  }

  /** The newest result; false for an empty history. */
  public boolean last() {
    return count > 0 && (bits & 1) != 0;
  }

  /**
   * The weighted percent state change (0 to 100): each change between two consecutive results
   * weighs from 0.8 (oldest position) to 1.2 (newest), summed and divided by the {@code window - 1}
   * possible changes. A history shorter than the window counts the missing older results as
   * unchanged, so a young alert needs as many changes as an old one to flap.
   */
  public double percentChange(int window) {
    int n = Math.min(count, window);
    if (n < 2) {
      return 0;
    }
    int slots = window - 1;
    double step = (HIGH_WEIGHT - LOW_WEIGHT) / (slots - 1);
    double sum = 0;
    // Change between bit j+1 (older) and bit j (newer); bit 0's change sits in the newest slot.
    for (int j = 0; j < n - 1; j++) {
      boolean newer = ((bits >>> j) & 1) != 0;
      boolean older = ((bits >>> (j + 1)) & 1) != 0;
      if (newer != older) {
        int slot = slots - 1 - j;
        sum += LOW_WEIGHT + slot * step;
      }
    }
    return sum * 100.0 / slots;
  }

  private static long mask(int window) {
    return window >= 64 ? -1L : (1L << window) - 1;
  }
}
