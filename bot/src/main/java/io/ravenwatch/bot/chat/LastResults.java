package io.ravenwatch.bot.chat;

import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ResultListener;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the newest result of every probe of every target, so {@code /status} can show what the
 * probes last saw without querying InfluxDB. Subscribe it to the result bus; memory is bounded by
 * the inventory (one result per target and probe).
 */
public final class LastResults implements ResultListener {
  /** How many of a target's newest results {@link #recent} can give. */
  public static final int RECENT = 32;

  private final Map<String, Map<String, ProbeResult>> byTarget = new ConcurrentHashMap<>();
  private final Map<String, Deque<ProbeResult>> recentByTarget = new ConcurrentHashMap<>();

  @Override
  public void onResult(ProbeResult result) {
    byTarget
        .computeIfAbsent(result.target(), k -> new ConcurrentHashMap<>())
        .merge(
            result.probe(),
            result,
            (old, fresh) -> fresh.time().isBefore(old.time()) ? old : fresh);
    Deque<ProbeResult> recent =
        recentByTarget.computeIfAbsent(result.target(), k -> new ArrayDeque<>());
    synchronized (recent) {
      recent.addFirst(result);
      if (recent.size() > RECENT) {
        recent.removeLast();
      }
    }
  }

  /**
   * The newest {@code n} results of {@code target}'s probes (all probes together), newest first:
   * fewer when fewer arrived, at most {@link #RECENT}. A failover's precondition "healthy for the
   * last N probes" reads it.
   */
  public List<ProbeResult> recent(String target, int n) {
    Deque<ProbeResult> recent = recentByTarget.get(target);
    if (recent == null) {
      return List.of();
    }
    synchronized (recent) {
      return recent.stream().limit(n).toList();
    }
  }

  /** The newest result of each probe of {@code target}, by probe name; empty when none yet. */
  public List<ProbeResult> of(String target) {
    Map<String, ProbeResult> results = byTarget.get(target);
    if (results == null) {
      return List.of();
    }
    return results.values().stream().sorted(Comparator.comparing(ProbeResult::probe)).toList();
  }

  /** Forgets everything (a target removed from the inventory, or a test). */
  public void clear() {
    byTarget.clear();
    recentByTarget.clear();
  }
}
