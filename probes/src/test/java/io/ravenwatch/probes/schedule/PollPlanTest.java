package io.ravenwatch.probes.schedule;

import static io.ravenwatch.probes.schedule.TestTargets.spec;
import static io.ravenwatch.probes.schedule.TestTargets.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollPlanTest {
  private static final Duration INTERVAL = Duration.ofSeconds(10);
  private static final Probe NEVER_RUN =
      ctx -> {
        throw new AssertionError("the plan never runs probes");
      };

  private final FakeClock clock = new FakeClock(Instant.parse("2025-01-01T10:00:00.123Z"));

  private PollPlan plan(Target... targets) {
    return PollPlan.create(List.of(targets), (t, s) -> NEVER_RUN, 4, clock.instant());
  }

  private static ProbeSlot only(PollPlan plan) {
    for (int s = 0; s < plan.shardCount(); s++) {
      if (!plan.shard(s).isEmpty()) {
        return plan.shard(s).getFirst();
      }
    }
    throw new AssertionError("empty plan");
  }

  @Test
  void firstRunIsAtTheProbesJitteredSlot() {
    PollPlan plan = plan(target("db1", spec("snmp", INTERVAL, Duration.ofSeconds(2))));
    ProbeSlot slot = only(plan);

    assertThat(slot.nextDue()).isAfter(clock.instant());
    assertThat(slot.nextDue()).isBeforeOrEqualTo(clock.instant().plus(INTERVAL));
    assertThat(slot.nextDue().toEpochMilli() % INTERVAL.toMillis())
        .isEqualTo(slot.offset().toMillis());

    clock.set(slot.nextDue().minusMillis(1));
    assertThat(plan.due(slot.shard(), clock.instant())).isEmpty();
    clock.set(slot.nextDue());
    assertThat(plan.due(slot.shard(), clock.instant())).containsExactly(slot);
  }

  @Test
  void probeRunsOncePerIntervalAcrossManyTicks() {
    PollPlan plan = plan(target("db1", spec("snmp", INTERVAL, Duration.ofSeconds(2))));
    ProbeSlot slot = only(plan);
    int started = 0;
    // Ticks every second for a minute, like the shard job; each run ends before the next tick.
    for (int i = 0; i < 60; i++) {
      clock.advance(Duration.ofSeconds(1));
      for (ProbeSlot s : plan.due(slot.shard(), clock.instant())) {
        started++;
        s.finished();
      }
    }
    assertThat(started).isEqualTo(6);
    assertThat(plan.counters().missed()).isZero();
    assertThat(plan.counters().skippedBusy()).isZero();
  }

  @Test
  void missedIntervalsAreSkippedNotPiledUp() {
    PollPlan plan = plan(target("db1", spec("snmp", INTERVAL, Duration.ofSeconds(2))));
    ProbeSlot slot = only(plan);
    Instant first = slot.nextDue();
    clock.set(first);
    plan.due(slot.shard(), clock.instant()).forEach(ProbeSlot::finished);

    // The scheduler was paused for three and a half intervals: slots first+1I and first+2I passed
    // unseen, first+3I is the current one.
    clock.set(first.plus(INTERVAL.multipliedBy(3)).plus(INTERVAL.dividedBy(2)));
    assertThat(plan.due(slot.shard(), clock.instant())).containsExactly(slot);
    slot.finished();

    assertThat(plan.counters().missed()).isEqualTo(2);
    assertThat(slot.nextDue()).isEqualTo(first.plus(INTERVAL.multipliedBy(4)));
    assertThat(plan.due(slot.shard(), clock.instant())).isEmpty();
  }

  @Test
  void runningProbeIsNotStartedAgain() {
    PollPlan plan = plan(target("db1", spec("snmp", INTERVAL, Duration.ofSeconds(2))));
    ProbeSlot slot = only(plan);
    Instant first = slot.nextDue();
    clock.set(first);
    assertThat(plan.due(slot.shard(), clock.instant())).containsExactly(slot);

    // Still running one interval later: this slot is skipped and the next one is ahead.
    clock.set(first.plus(INTERVAL));
    assertThat(plan.due(slot.shard(), clock.instant())).isEmpty();
    assertThat(plan.counters().skippedBusy()).isEqualTo(1);
    assertThat(slot.nextDue()).isEqualTo(first.plus(INTERVAL.multipliedBy(2)));

    // A tick within the same slot does not count it twice.
    clock.advance(Duration.ofSeconds(1));
    assertThat(plan.due(slot.shard(), clock.instant())).isEmpty();
    assertThat(plan.counters().skippedBusy()).isEqualTo(1);

    slot.finished();
    clock.set(first.plus(INTERVAL.multipliedBy(2)));
    assertThat(plan.due(slot.shard(), clock.instant())).containsExactly(slot);
  }

  @Test
  void targetsKeepTheirShardAndAllTheirProbesInIt() {
    PollPlan plan =
        plan(
            target(
                "db1",
                spec("snmp", INTERVAL, Duration.ofSeconds(2)),
                spec("ping", INTERVAL, Duration.ofSeconds(1))),
            target("web1", spec("http_response", INTERVAL, Duration.ofSeconds(2))));

    assertThat(plan.targetCount()).isEqualTo(2);
    assertThat(plan.probeCount()).isEqualTo(3);
    assertThat(plan.shard(DueTimes.shardOf("db1", 4)))
        .filteredOn(s -> s.target().name().equals("db1"))
        .extracting(s -> s.spec().name())
        .containsExactly("snmp", "ping");
    assertThat(plan.shard(DueTimes.shardOf("web1", 4)))
        .anySatisfy(s -> assertThat(s.target().name()).isEqualTo("web1"));
  }
}
