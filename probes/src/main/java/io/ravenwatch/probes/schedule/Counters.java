package io.ravenwatch.probes.schedule;

import java.util.concurrent.atomic.LongAdder;

/** The poller's live counters; {@link LongAdder}s since every probe thread updates them. */
final class Counters {
  final LongAdder started = new LongAdder();
  final LongAdder completed = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder timedOut = new LongAdder();
  final LongAdder skippedBusy = new LongAdder();
  final LongAdder missed = new LongAdder();

  PollCounters snapshot() {
    return new PollCounters(
        started.sum(),
        completed.sum(),
        failed.sum(),
        timedOut.sum(),
        skippedBusy.sum(),
        missed.sum());
  }
}
