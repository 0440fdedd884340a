package io.ravenwatch.probes.influx;

import io.ravenwatch.probes.api.Point;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded in-memory hand-over from probe threads to the flusher. {@link #offer} never waits;
 * {@link #collect} waits for a batch by size or by time; {@link #drainAll} empties it (on overflow
 * and at stop).
 *
 * <p>Every batch taken gets a sequence number, which orders the spool. Numbers follow the order in
 * which points were queued: a batch being collected is closed as soon as another batch is drained
 * past it, so a later point never lands in an earlier-numbered batch.
 */
final class PointQueue {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<Point> points = new ArrayDeque<>();
  private final int capacity;
  private final AtomicLong sequence;
  private long drains;
  private boolean woken;

  /** Points taken together, numbered in queue order. */
  record Batch(long seq, List<Point> points) {}

  /**
   * @param sequence the source of batch numbers, shared with whoever else numbers spool segments
   */
  PointQueue(int capacity, AtomicLong sequence) {
    this.capacity = capacity;
    this.sequence = sequence;
  }

  /** Adds a point; false when the queue is full. */
  boolean offer(Point p) {
    lock.lock();
    try {
      if (points.size() >= capacity) {
        return false;
      }
      points.add(p);
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Makes a waiting (or the next) {@link #collect} return at once with what is queued. */
  void wake() {
    lock.lock();
    try {
      woken = true;
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return points.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until {@code max} points are there or {@code wait} has passed, and takes them (up to
   * {@code max}); an empty batch when none came.
   */
  Batch collect(int max, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    List<Point> batch = new ArrayList<>();
    long seq = -1;
    long drainsAtStart = 0;
    lock.lockInterruptibly();
    try {
      while (batch.size() < max) {
        if (points.isEmpty()) {
          long left = deadline - System.nanoTime();
          if (left <= 0 || woken) {
            break;
          }
          notEmpty.awaitNanos(left);
        } else if (seq < 0) {
          seq = sequence.getAndIncrement();
          drainsAtStart = drains;
          take(batch, max);
        } else if (drains != drainsAtStart) {
          break; // a drain got a later number than this batch: newer points must not join it
        } else {
          take(batch, max);
        }
      }
      woken = false;
      return new Batch(seq, batch);
    } finally {
      lock.unlock();
    }
  }

  /** Takes everything queued, as batches of at most {@code max} points numbered in order. */
  List<Batch> drainAll(int max) {
    lock.lock();
    try {
      drains++;
      List<Batch> batches = new ArrayList<>();
      while (!points.isEmpty()) {
        List<Point> batch = new ArrayList<>(Math.min(max, points.size()));
        take(batch, max);
        batches.add(new Batch(sequence.getAndIncrement(), batch));
      }
      return batches;
    } finally {
      lock.unlock();
    }
  }

  private void take(List<Point> batch, int max) {
    while (batch.size() < max && !points.isEmpty()) {
      batch.add(points.poll());
    }
  }
}
