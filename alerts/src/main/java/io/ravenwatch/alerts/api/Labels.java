package io.ravenwatch.alerts.api;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
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
    // A builder's map is reachable from nowhere else: it needs no defensive copy.
    if (!(map instanceof Frozen)) {
      map = new Frozen(map instanceof BuilderMap b ? b : new TreeMap<String, String>(map));
    }
  }

  /** Labels put together one by one, without the copy the constructor makes. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Collects labels for one {@link Labels}; a later put of a name replaces the earlier value. The
   * evaluator makes one set per observation, so the copy saved counts.
   */
  public static final class Builder {
    private BuilderMap map = new BuilderMap();

    private Builder() {}

    public Builder put(String name, String value) {
      map.put(name, value);
      return this;
    }

    /** The labels; the builder cannot be used afterwards. */
    public Labels build() {
      var m = map;
      map = null;
      return new Labels(m);
    }
  }

  /**
   * The unmodifiable map of a {@code Labels}, which remembers its fingerprint: the evaluator keeps
   * the labels of a series, and the lifecycle asks their fingerprint for every observation.
   */
  private static final class Frozen extends AbstractMap<String, String>
      implements SortedMap<String, String> {
    private final SortedMap<String, String> view;
    // Racy single check: a String is safely published, and every thread computes the same one.
    private String fingerprint;

    Frozen(TreeMap<String, String> tree) {
      this.view = Collections.unmodifiableSortedMap(tree);
    }

    @Override
    public Comparator<? super String> comparator() {
      return view.comparator();
    }

    @Override
    public SortedMap<String, String> subMap(String fromKey, String toKey) {
      return view.subMap(fromKey, toKey);
    }

    @Override
    public SortedMap<String, String> headMap(String toKey) {
      return view.headMap(toKey);
    }

    @Override
    public SortedMap<String, String> tailMap(String fromKey) {
      return view.tailMap(fromKey);
    }

    @Override
    public String firstKey() {
      return view.firstKey();
    }

    @Override
    public String lastKey() {
      return view.lastKey();
    }

    @Override
    public Set<String> keySet() {
      return view.keySet();
    }

    @Override
    public Collection<String> values() {
      return view.values();
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return view.entrySet();
    }

    @Override
    public String get(Object key) {
      return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return view.containsKey(key);
    }

    @Override
    public int size() {
      return view.size();
    }
  }

  /** The map of a {@link Builder}: only ever handed to the constructor, once. */
  private static final class BuilderMap extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;
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
    Frozen frozen = (Frozen) map;
    String f = frozen.fingerprint;
    if (f == null) {
      f = computeFingerprint();
      frozen.fingerprint = f;
    }
    return f;
  }

  private String computeFingerprint() {
    // Hashed char by char (no byte arrays, no Formatter).
    long h = 0xcbf29ce484222325L;
    for (Map.Entry<String, String> e : map.entrySet()) {
      h = fnv(h, e.getKey());
      h = fnv(h, 0);
      h = fnv(h, e.getValue());
      h = fnv(h, 1);
    }
    return HexFormat.of().toHexDigits(h);
  }

  /** The hash of the string's UTF-8 bytes. */
  private static long fnv(long start, String s) {
    long h = start;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return fnvBytes(start, s); // not ASCII: let the JDK encode it, from this string's start
      }
      h = fnv(h, c);
    }
    return h;
  }

  private static long fnvBytes(long h, String s) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = fnv(h, b & 0xff);
    }
    return h;
  }

  private static long fnv(long h, int octet) {
    return (h ^ octet) * 0x100000001b3L;
  }

  @Override
  public String toString() {
    return map.toString();
  }
}
