package io.ravenwatch.probes.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class DueTimesTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void jitterSpreadsTenThousandTargetsEvenlyOverTheInterval() {
    int[] buckets = new int[10];
    for (int i = 0; i < 10_000; i++) {
      Duration offset = DueTimes.offset("host-%05d".formatted(i), "snmp", MINUTE);
      assertThat(offset).isBetween(Duration.ZERO, MINUTE.minusMillis(1));
      buckets[(int) (offset.toMillis() / 6_000)]++;
    }
    // 1,000 per 6-second bucket expected; a clump on one second would leave buckets near zero.
    assertThat(java.util.Arrays.stream(buckets).boxed().toList())
        .allSatisfy(n -> assertThat(n).isBetween(880, 1120));
  }

  @Test
  void probesOfOneTargetGetDifferentOffsets() {
    var offsets = new HashSet<Duration>();
    for (String probe : new String[] {"ping", "snmp", "http_response", "net_response", "disk"}) {
      offsets.add(DueTimes.offset("db1", probe, MINUTE));
    }
    assertThat(offsets).hasSize(5);
  }

  @Test
  void offsetsAndShardsArePinned() {
    assertThat(DueTimes.offset("db1", "snmp", MINUTE))
        .isEqualTo(DueTimes.offset("db1", "snmp", MINUTE));
    assertThat(DueTimes.shardOf("db1", 16)).isEqualTo(DueTimes.shardOf("db1", 16));
    // Pinned: a different hash in a new version would silently move every target's slot and shard
    // (and String.hashCode-like shortcuts would cluster similar names).
    assertThat(DueTimes.stableHash("db1")).isEqualTo(-2955241946519097020L);
    assertThat(DueTimes.offset("db1", "snmp", MINUTE)).isEqualTo(Duration.ofMillis(32_820));
    assertThat(DueTimes.shardOf("db1", 16)).isEqualTo(4);
  }

  @Test
  void shardsSpreadTargetsEvenly() {
    int[] shards = new int[16];
    for (int i = 0; i < 10_000; i++) {
      shards[DueTimes.shardOf("sw-%04d.dc1".formatted(i), 16)]++;
    }
    assertThat(java.util.Arrays.stream(shards).boxed().toList())
        .allSatisfy(n -> assertThat(n).isBetween(625 - 90, 625 + 90));
  }

  @Test
  void slotsFallOnTheOffsetWithinEachInterval() {
    Duration offset = Duration.ofSeconds(7);
    Instant t = Instant.parse("2025-01-01T10:00:30Z");
    assertThat(DueTimes.slotAtOrBefore(t, MINUTE, offset))
        .isEqualTo(Instant.parse("2025-01-01T10:00:07Z"));
    assertThat(DueTimes.slotAfter(t, MINUTE, offset))
        .isEqualTo(Instant.parse("2025-01-01T10:01:07Z"));
    Instant onSlot = Instant.parse("2025-01-01T10:01:07Z");
    assertThat(DueTimes.slotAtOrBefore(onSlot, MINUTE, offset)).isEqualTo(onSlot);
    assertThat(DueTimes.slotAfter(onSlot, MINUTE, offset))
        .isEqualTo(Instant.parse("2025-01-01T10:02:07Z"));
  }
}
