package io.ravenwatch.probes.schedule;

import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One probe of one target as scheduled: the probe instance created once at start, its shard and
 * jitter, when it is next due and whether a run of it is still going.
 *
 * <p>Only the shard's tick calls {@link #tick(Instant)} (Quartz never runs one shard's job twice at
 * once); the end of a run, on its own thread, only clears the running flag.
 */
public final class ProbeSlot {
  private final Target target;
  private final ProbeSpec spec;
  private final Probe probe;
  private final int shard;
  private final Duration interval;
  private final Duration offset;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean timeoutReported = new AtomicBoolean();
  private Instant nextDue;

  /** What a tick decided for this probe. */
  public enum Decision {
    /** Its next slot is still ahead. */
    NOT_DUE,
    /** Due and idle: it is now marked running and must be started. */
    START,
    /** Due but its previous run is still going: this slot is skipped. */
    SKIP_BUSY
  }

  /**
   * The outcome of a tick.
   *
   * @param decision what to do with the probe now
   * @param missed earlier slots that passed without a tick (a paused scheduler, a late tick)
   */
  public record Tick(Decision decision, long missed) {
    static final Tick NOT_DUE = new Tick(Decision.NOT_DUE, 0);
  }

  ProbeSlot(Target target, ProbeSpec spec, Probe probe, int shard, Instant now) {
    this.target = target;
    this.spec = spec;
    this.probe = probe;
    this.shard = shard;
    this.interval = spec.timing().interval();
    this.offset = DueTimes.offset(target.name(), spec.name(), interval);
    this.nextDue = DueTimes.slotAfter(now, interval, offset);
  }

  /**
   * Decides what to do with this probe at {@code now}. When due, the next due time always moves to
   * the first slot after {@code now}: a run still going or slots lost while paused are skipped,
   * never piled up, and a probe never runs twice at once.
   */
  public synchronized Tick tick(Instant now) {
    if (now.isBefore(nextDue)) {
      return Tick.NOT_DUE;
    }
    Instant current = DueTimes.slotAtOrBefore(now, interval, offset);
    long missed =
        (current.toEpochMilli() - nextDue.toEpochMilli()) / Math.max(1, interval.toMillis());
    nextDue = current.plus(interval);
    Decision d = running.compareAndSet(false, true) ? Decision.START : Decision.SKIP_BUSY;
    return new Tick(d, missed);
  }

  /** Marks the run started by the last {@link Decision#START} as ended. */
  public void finished() {
    running.set(false);
  }

  /** True the first time only: a timeout of this probe is logged once, not on every poll. */
  boolean firstTimeout() {
    return timeoutReported.compareAndSet(false, true);
  }

  public synchronized Instant nextDue() {
    return nextDue;
  }

  public boolean running() {
    return running.get();
  }

  public Target target() {
    return target;
  }

  public ProbeSpec spec() {
    return spec;
  }

  public Probe probe() {
    return probe;
  }

  public int shard() {
    return shard;
  }

  /** The jitter: where in each interval this probe's slots fall. */
  public Duration offset() {
    return offset;
  }

  @Override
  public String toString() {
    return spec.name() + " on " + target.name();
  }
}
