package io.ravenwatch.alerts.api;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The labels that identify an alert: its rule's labels, the target's ({@code source}, {@code
 * region}, {@code group}, …) and the tags that tell one series from another (a disk's {@code path},
 * an interface's {@code ifName}, a sensor's {@code name}). Sorted, immutable.
 */
public record Labels(SortedMap<String, String> map) {

  public static final Labels EMPTY = new Labels(new TreeMap<>());

  public Labels {
    map = Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  public static Labels of(Map<String, String> map) {
    return new Labels(new TreeMap<>(map));
  }

  public static Labels of(String... keyValues) {
    var m = new TreeMap<String, String>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return new Labels(m);
  }

  /** The value of a label, or {@code null}. */
  public String get(String name) {
    return map.get(name);
  }

  /** These labels with one more (or replaced). */
  public Labels with(String name, String value) {
    var m = new TreeMap<>(map);
    m.put(name, value);
    return new Labels(m);
  }

  /** Only the named labels, in order; absent ones are skipped. */
  public Labels select(Iterable<String> names) {
    var m = new TreeMap<String, String>();
    for (String n : names) {
      String v = map.get(n);
      if (v != null) {
        m.put(n, v);
      }
    }
    return new Labels(m);
  }

  /**
   * A stable 64-bit FNV-1a hash of the labels as hex: the same labels give the same fingerprint
   * across restarts and machines, so it can be stored and used as an id.
   */
  public String fingerprint() {
    long h = 0xcbf29ce484222325L;
    for (Map.Entry<String, String> e : map.entrySet()) {
      h = fnv(h, e.getKey());
      h = fnv(h, "\u0000");
      h = fnv(h, e.getValue());
      h = fnv(h, "\u0001");
    }
    return String.format("%016x", h);
  }

  private static long fnv(long h, String s) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return h;
  }

  @Override
  public String toString() {
    return map.toString();
  }
}
