package io.ravenwatch.probes.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One InfluxDB point in Telegraf's schema: a measurement, low-cardinality tags, typed fields and a
 * timestamp. Field values are {@link Long} (integers), {@link Double}, {@link Boolean} or {@link
 * String}; other numbers are normalised on construction.
 *
 * <pre>{@code
 * Point p = Point.builder("net_response", clock.instant())
 *     .tag("server", "db1").tag("port", "5432")
 *     .field("response_time", 0.0021).field("result_code", 0)
 *     .build();
 * }</pre>
 */
public record Point(
    String measurement, SortedMap<String, String> tags, Map<String, Object> fields, Instant time) {

  public Point {
    Objects.requireNonNull(measurement, "measurement");
    Objects.requireNonNull(time, "time");
    tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    var normalised = new LinkedHashMap<String, Object>();
    fields.forEach((k, v) -> normalised.put(k, normalise(k, v)));
    if (normalised.isEmpty()) {
      throw new IllegalArgumentException("a point needs at least one field: " + measurement);
    }
    fields = Collections.unmodifiableMap(normalised);
  }

  public static Builder builder(String measurement, Instant time) {
    return new Builder(measurement, time);
  }

  /** The value of a field, or {@code null}. */
  public Object field(String name) {
    return fields.get(name);
  }

  /** The value of a tag, or {@code null}. */
  public String tag(String name) {
    return tags.get(name);
  }

  /** This point as one line of InfluxDB line protocol with a nanosecond timestamp. */
  public String toLineProtocol() {
    return LineProtocol.format(this);
  }

  private static Object normalise(String key, Object v) {
    return switch (v) {
      case Long l -> l;
      case Integer i -> (long) i;
      case Short s -> (long) s;
      case Byte b -> (long) b;
      case Double d when Double.isFinite(d) -> d;
      case Float f when Float.isFinite(f) -> (double) f;
      case Boolean b -> b;
      case String s -> s;
      case null -> throw new IllegalArgumentException("field " + key + " is null");
      default -> throw new IllegalArgumentException("field " + key + " has type " + v.getClass());
    };
  }

  /** Collects tags and fields; {@code null} values are skipped so optional readings stay simple. */
  public static final class Builder {
    private final String measurement;
    private final Instant time;
    private final SortedMap<String, String> tags = new TreeMap<>();
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Builder(String measurement, Instant time) {
      this.measurement = measurement;
      this.time = time;
    }

    public Builder tag(String key, String value) {
      if (value != null && !value.isEmpty()) {
        tags.put(key, value);
      }
      return this;
    }

    public Builder tags(Map<String, String> more) {
      more.forEach(this::tag);
      return this;
    }

    /** Adds a field; {@code null} and non-finite numbers (line protocol has no NaN) are skipped. */
    public Builder field(String key, Object value) {
      boolean nonFinite =
          (value instanceof Double d && !Double.isFinite(d))
              || (value instanceof Float f && !Float.isFinite(f));
      if (value != null && !nonFinite) {
        fields.put(key, value);
      }
      return this;
    }

    public boolean hasFields() {
      return !fields.isEmpty();
    }

    public Point build() {
      return new Point(measurement, tags, fields, time);
    }
  }
}
