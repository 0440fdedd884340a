package io.ravenwatch.probes.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of when a probe runs, with no state and no clock: stable hashes, the shard of a
 * target, the jitter of a probe and its time slots.
 *
 * <p>A probe with interval {@code I} and jitter offset {@code O} runs in the slots {@code epoch + O
 * + k·I}. Like Prometheus, the offset is a stable hash of the target and probe names modulo the
 * interval, so 10,000 targets with the same interval spread evenly over it instead of all starting
 * on the same second, and every restart (or every node of a cluster) computes the same slots.
 */
public final class DueTimes {
  private DueTimes() {}

  /** A 64-bit hash of a string that is the same in every JVM and every run (FNV-1a, then mixed). */
  public static long stableHash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    // FNV alone spreads similar names (db1, db2, ...) poorly over the low bits: mix like
    // splitmix64.
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  /** The shard of a target: a stable hash of its name modulo the number of shards. */
  public static int shardOf(String targetName, int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1: " + shards);
    }
    return (int) Math.floorMod(stableHash(targetName), (long) shards);
  }

  /**
   * The jitter of a probe of a target: a stable offset in {@code [0, interval)}, in milliseconds.
   */
  public static Duration offset(String targetName, String probeName, Duration interval) {
    long millis = Math.max(1, interval.toMillis());
    return Duration.ofMillis(Math.floorMod(stableHash(targetName + '\0' + probeName), millis));
  }

  /** The latest slot at or before {@code t}. */
  public static Instant slotAtOrBefore(Instant t, Duration interval, Duration offset) {
    long period = Math.max(1, interval.toMillis());
    long k = Math.floorDiv(t.toEpochMilli() - offset.toMillis(), period);
    return Instant.ofEpochMilli(k * period + offset.toMillis());
  }

  /** The first slot strictly after {@code t}. */
  public static Instant slotAfter(Instant t, Duration interval, Duration offset) {
    return slotAtOrBefore(t, interval, offset).plusMillis(Math.max(1, interval.toMillis()));
  }
}
