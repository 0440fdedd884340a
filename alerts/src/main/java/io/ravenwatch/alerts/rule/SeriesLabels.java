package io.ravenwatch.alerts.rule;

import io.ravenwatch.alerts.api.Labels;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The labels and fingerprint of each (series, rule) the evaluator needed them for, so that a series
 * evaluated every poll does not build a sorted map and hash it every time: one lookup per point
 * (all its rules share the entry), then an identity scan of the entry's few rules. The cached
 * fingerprint is also the same {@code String} every time, whose hash the tracker's map then need
 * not compute again.
 *
 * <p>A series is its measurement and the point's tags as they came (the labels are a function of
 * them), or, for probe-only rules, the probe's name and the target's tags. Bounded like {@link
 * io.ravenwatch.alerts.rule.function.SeriesHistory}: at most {@code maxSeries} (the least recently
 * used go first), and a series not seen for {@code evictAfterMillis} of data time is dropped. Not
 * thread-safe (the evaluator's lock guards it).
 */
final class SeriesLabels {
  private final int maxSeries;
  private final long evictAfterMillis;
  private final LinkedHashMap<Key, Series> series;
  private final Key probe = new Key();
  private long lastSweepMillis;

  SeriesLabels(int maxSeries, long evictAfterMillis) {
    this.maxSeries = maxSeries;
    this.evictAfterMillis = evictAfterMillis;
    this.series =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Series> eldest) {
            return size() > SeriesLabels.this.maxSeries;
          }
        };
  }

  /** 50,000 series (a few MB per 10,000), dropped after an hour unseen. */
  static SeriesLabels standard() {
    return new SeriesLabels(50_000, 3_600_000L);
  }

  /**
   * The entry of a series, made if need be.
   *
   * @param kind the measurement, or the probe's name for probe-only rules
   * @param probeOnly whether this is the series of a probe-only rule
   * @param tags the point's tags, or the target's for probe-only rules; must be immutable
   * @param timeMillis the data's time, for eviction
   */
  Series entry(String kind, boolean probeOnly, Map<String, String> tags, long timeMillis) {
    Series e = series.get(probe.set(kind, probeOnly, tags));
    if (e == null) {
      e = new Series();
      series.put(probe.copy(), e);
    }
    // The lookup key keeps the last series' strings until the next lookup: a few shared inventory
    // strings, cheaper to keep than to clear (storing nulls costs write barriers on every point).
    e.lastSeenMillis = timeMillis;
    sweep(timeMillis);
    return e;
  }

  int size() {
    return series.size();
  }

  /** Drops the series unseen for too long; the eldest come first (access order). */
  private void sweep(long nowMillis) {
    if (nowMillis - lastSweepMillis < 60_000) {
      return;
    }
    lastSweepMillis = nowMillis;
    for (Iterator<Series> it = series.values().iterator(); it.hasNext(); ) {
      if (nowMillis - it.next().lastSeenMillis > evictAfterMillis) {
        it.remove();
      }
    }
  }

  /** The labels and fingerprints of one series by rule. */
  static final class Series {
    private Rule[] rules = new Rule[2];
    private Labels[] labels = new Labels[2];
    private String[] fingerprints = new String[2];
    private int size;
    private long lastSeenMillis;

    /** The index of the rule's labels, or -1. */
    int find(Rule rule) {
      for (int i = 0; i < size; i++) {
        if (rules[i] == rule) {
          return i;
        }
      }
      return -1;
    }

    /** Keeps the rule's labels; returns their index. */
    int add(Rule rule, Labels l) {
      if (size == rules.length) {
        rules = Arrays.copyOf(rules, size * 2);
        labels = Arrays.copyOf(labels, size * 2);
        fingerprints = Arrays.copyOf(fingerprints, size * 2);
      }
      rules[size] = rule;
      labels[size] = l;
      fingerprints[size] = l.fingerprint();
      return size++;
    }

    Labels labels(int i) {
      return labels[i];
    }

    String fingerprint(int i) {
      return fingerprints[i];
    }
  }

  /**
   * A series' identity: its kind and its tags as a flat array of keys and values in the tags'
   * iteration order (a point's tags are sorted, so equal tags compare equal; maps that iterate
   * differently only miss the cache). One instance is reused for lookups: it reads the tags in one
   * {@code forEach} pass, which walks the map without allocating, and compares arrays, which for
   * the inventory's shared strings is mostly identity checks.
   */
  private static final class Key implements BiConsumer<String, String> {
    String kind;
    boolean probeOnly;
    String[] entries = new String[16];
    int length;
    int hash;

    Key set(String kind, boolean probeOnly, Map<String, String> tags) {
      this.kind = kind;
      this.probeOnly = probeOnly;
      if (entries.length < tags.size() * 2) {
        entries = new String[tags.size() * 2];
      }
      length = 0;
      hash = kind.hashCode();
      tags.forEach(this);
      hash = hash * 2 + (probeOnly ? 1 : 0);
      return this;
    }

    @Override
    public void accept(String key, String value) {
      entries[length++] = key;
      entries[length++] = value;
      hash = 31 * (31 * hash + key.hashCode()) + value.hashCode();
    }

    /** A key of its own (the lookup key is reused). */
    Key copy() {
      var k = new Key();
      k.kind = kind;
      k.probeOnly = probeOnly;
      k.entries = Arrays.copyOf(entries, length);
      k.length = length;
      k.hash = hash;
      return k;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && hash == k.hash
          && probeOnly == k.probeOnly
          && length == k.length
          && kind.equals(k.kind)
          && Arrays.equals(entries, 0, length, k.entries, 0, length);
    }
  }
}
