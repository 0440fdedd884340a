package io.ravenwatch.probes.schedule;

import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Every scheduled probe, grouped by shard, and the decision of which ones a shard's tick starts.
 * Pure logic: no threads, no Quartz, time passed in, so tests drive it with a fake clock.
 *
 * <pre>{@code
 * PollPlan plan = PollPlan.create(targets, probeFactory, 16, clock.instant());
 * for (ProbeSlot slot : plan.due(shard, clock.instant())) {
 *   start(slot); // and call slot.finished() when its run ends
 * }
 * }</pre>
 */
public final class PollPlan {
  private final List<List<ProbeSlot>> shards;
  private final int targetCount;
  private final int probeCount;
  private final Counters counters;

  private PollPlan(List<List<ProbeSlot>> shards, int targets, int probes, Counters counters) {
    this.shards = shards;
    this.targetCount = targets;
    this.probeCount = probes;
    this.counters = counters;
  }

  /**
   * Creates one probe per (target, probe spec) and places it in its target's shard, first due at
   * its first slot after {@code now}.
   *
   * @param probes creates the probe instance for a target's probe spec (from the registry)
   */
  public static PollPlan create(
      List<Target> targets,
      BiFunction<Target, ProbeSpec, Probe> probes,
      int shardCount,
      Instant now) {
    return create(targets, probes, shardCount, now, new Counters());
  }

  static PollPlan create(
      List<Target> targets,
      BiFunction<Target, ProbeSpec, Probe> probes,
      int shardCount,
      Instant now,
      Counters counters) {
    var shards = new ArrayList<List<ProbeSlot>>(shardCount);
    for (int i = 0; i < shardCount; i++) {
      shards.add(new ArrayList<>());
    }
    int probeCount = 0;
    for (Target t : targets) {
      int shard = DueTimes.shardOf(t.name(), shardCount);
      for (ProbeSpec spec : t.probes()) {
        shards.get(shard).add(new ProbeSlot(t, spec, probes.apply(t, spec), shard, now));
        probeCount++;
      }
    }
    var frozen = shards.stream().map(Collections::unmodifiableList).toList();
    return new PollPlan(frozen, targets.size(), probeCount, counters);
  }

  /**
   * The probes of a shard to start at {@code now}, already marked running. Due probes whose
   * previous run is still going are skipped for this slot (and counted); every due probe's next due
   * time moves past {@code now}.
   */
  public List<ProbeSlot> due(int shard, Instant now) {
    List<ProbeSlot> start = new ArrayList<>();
    for (ProbeSlot slot : shards.get(shard)) {
      ProbeSlot.Tick tick = slot.tick(now);
      if (tick.missed() > 0) {
        counters.missed.add(tick.missed());
      }
      switch (tick.decision()) {
        case START -> start.add(slot);
        case SKIP_BUSY -> counters.skippedBusy.increment();
        case NOT_DUE -> {}
      }
    }
    return start;
  }

  /** The probes of one shard. */
  public List<ProbeSlot> shard(int shard) {
    return shards.get(shard);
  }

  public int shardCount() {
    return shards.size();
  }

  public int targetCount() {
    return targetCount;
  }

  public int probeCount() {
    return probeCount;
  }

  /** The counters of skipped and missed slots (and of runs, when the scheduler shares them). */
  public PollCounters counters() {
    return counters.snapshot();
  }
}
