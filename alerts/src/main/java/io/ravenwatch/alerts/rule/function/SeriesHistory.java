package io.ravenwatch.alerts.rule.function;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link Samples} of every series a history-using function has seen, bounded: at most {@code
 * maxSeries} (the least recently used go first), and a series not seen for {@code evictAfter} is
 * dropped. Not thread-safe.
 */
public final class SeriesHistory {
  private final int capacity;
  private final long windowMillis;
  private final long evictAfterMillis;
  private final int maxSeries;
  private final LinkedHashMap<String, Samples> series;
  private long lastSweepMillis;

  /**
   * @param capacity samples kept per series, e.g. 30
   * @param windowMillis samples older than this (before the newest) are ignored, e.g. 6 h
   * @param evictAfterMillis a series not seen for this long is dropped
   * @param maxSeries the most series kept
   */
  public SeriesHistory(int capacity, long windowMillis, long evictAfterMillis, int maxSeries) {
    this.capacity = capacity;
    this.windowMillis = windowMillis;
    this.evictAfterMillis = evictAfterMillis;
    this.maxSeries = maxSeries;
    this.series =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Samples> eldest) {
            return size() > SeriesHistory.this.maxSeries;
          }
        };
  }

  /** 30 samples within 6 hours per series, 100,000 series, dropped after 12 hours unseen. */
  public static SeriesHistory standard() {
    return new SeriesHistory(30, 6 * 3_600_000L, 12 * 3_600_000L, 100_000);
  }

  /** Records a sample of a series and returns its samples. */
  public Samples record(String key, long timeMillis, double value) {
    Samples s = series.computeIfAbsent(key, k -> new Samples(capacity, windowMillis));
    s.add(timeMillis, value);
    sweep(timeMillis);
    return s;
  }

  /** The samples of a series, or {@code null}. */
  public Samples get(String key) {
    return series.get(key);
  }

  public int size() {
    return series.size();
  }

  private void sweep(long nowMillis) {
    if (nowMillis - lastSweepMillis < 60_000) {
      return;
    }
    lastSweepMillis = nowMillis;
    for (Iterator<Samples> it = series.values().iterator(); it.hasNext(); ) {
      if (nowMillis - it.next().lastSeenMillis() > evictAfterMillis) {
        it.remove();
      }
    }
  }
}
