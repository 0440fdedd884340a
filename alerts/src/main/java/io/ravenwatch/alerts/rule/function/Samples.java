package io.ravenwatch.alerts.rule.function;

/**
 * The recent samples of one series' field: a bounded ring buffer of (time, value), oldest first,
 * samples older than the window ignored. Not thread-safe (the evaluator is single-threaded).
 */
public final class Samples {
  private final long[] times;
  private final double[] values;
  private final long windowMillis;
  private int start;
  private int size;
  private long lastSeenMillis;

  public Samples(int capacity, long windowMillis) {
    this.times = new long[capacity];
    this.values = new double[capacity];
    this.windowMillis = windowMillis;
  }

  /** Adds a sample; a sample not newer than the last one is ignored (a replay, or another rule). */
  public void add(long timeMillis, double value) {
    if (size > 0 && timeMillis <= times[index(size - 1)]) {
      return;
    }
    if (size == times.length) {
      start = (start + 1) % times.length;
      size--;
    }
    int i = index(size);
    times[i] = timeMillis;
    values[i] = value;
    size++;
    lastSeenMillis = timeMillis;
  }

  /** The time of the newest sample (epoch milliseconds), or 0. */
  public long lastSeenMillis() {
    return lastSeenMillis;
  }

  /** How many samples lie within the window ending at the newest one. */
  public int count() {
    return size - firstInWindow();
  }

  /** Time of the i-th sample in the window, oldest first. */
  public long time(int i) {
    return times[index(firstInWindow() + i)];
  }

  /** Value of the i-th sample in the window, oldest first. */
  public double value(int i) {
    return values[index(firstInWindow() + i)];
  }

  private int firstInWindow() {
    if (size == 0) {
      return 0;
    }
    long from = times[index(size - 1)] - windowMillis;
    int first = 0;
    while (first < size && times[index(first)] < from) {
      first++;
    }
    return first;
  }

  private int index(int i) {
    return (start + i) % times.length;
  }
}
