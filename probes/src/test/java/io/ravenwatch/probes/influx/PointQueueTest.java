package io.ravenwatch.probes.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.api.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PointQueueTest {

  private static Point point(int i) {
    return Point.builder("m", Instant.ofEpochSecond(i)).field("v", i).build();
  }

  @Test
  void refusesPointsPastItsCapacity() {
    PointQueue queue = new PointQueue(2, new AtomicLong());
    assertThat(queue.offer(point(1))).isTrue();
    assertThat(queue.offer(point(2))).isTrue();
    assertThat(queue.offer(point(3))).isFalse();
  }

  @Test
  void collectsUpToTheBatchSizeWithoutWaitingWhenFull() throws InterruptedException {
    PointQueue queue = new PointQueue(10, new AtomicLong(5));
    for (int i = 0; i < 5; i++) {
      queue.offer(point(i));
    }

    PointQueue.Batch batch = queue.collect(3, Duration.ofDays(1));

    assertThat(batch.seq()).isEqualTo(5);
    assertThat(batch.points()).containsExactly(point(0), point(1), point(2));
    assertThat(queue.size()).isEqualTo(2);
  }

  @Test
  void returnsAnEmptyUnnumberedBatchWhenNothingCame() throws InterruptedException {
    PointQueue queue = new PointQueue(10, new AtomicLong());
    PointQueue.Batch batch = queue.collect(3, Duration.ofMillis(1));
    assertThat(batch.points()).isEmpty();
    assertThat(batch.seq()).isEqualTo(-1);
  }

  @Test
  void wakeEndsTheWaitAtOnce() throws InterruptedException {
    PointQueue queue = new PointQueue(10, new AtomicLong());
    queue.offer(point(1));
    queue.wake();
    assertThat(queue.collect(3, Duration.ofDays(1)).points()).containsExactly(point(1));
  }

  @Test
  void numbersDrainedBatchesInQueueOrder() {
    AtomicLong seq = new AtomicLong(10);
    PointQueue queue = new PointQueue(10, seq);
    for (int i = 0; i < 5; i++) {
      queue.offer(point(i));
    }

    List<PointQueue.Batch> batches = queue.drainAll(2);

    assertThat(batches).extracting(PointQueue.Batch::seq).containsExactly(10L, 11L, 12L);
    assertThat(batches.get(2).points()).containsExactly(point(4));
    assertThat(queue.size()).isZero();
  }
}
