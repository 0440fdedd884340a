package io.ravenwatch.probes.schedule;

import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.Target;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one probe on its own virtual thread within its target's time budget. A second virtual thread
 * watches the deadline: a run still going then is interrupted and settled as {@link
 * ProbeResult.Status#TIMED_OUT} at once, even if the probe ignores the interrupt, so a dead agent
 * costs its own probe one budget and nobody else anything.
 */
final class ProbeRunner {
  private static final Logger logger = LoggerFactory.getLogger(ProbeRunner.class);

  private final ProbeResources resources;
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();

  /** Probe type + exception class of the bugs already logged with a stack trace. */
  private final Set<String> bugsLogged = ConcurrentHashMap.newKeySet();

  ProbeRunner(ProbeResources resources) {
    this.resources = resources;
  }

  /**
   * Starts one run.
   *
   * @param onResult called exactly once, on a virtual thread, with the probe's result or the
   *     timeout
   * @param onThreadEnd called when the probe's thread has really ended (after a timeout, only once
   *     the probe has given up), so the probe is never started again while it still runs
   * @return the same result as given to {@code onResult}
   */
  CompletableFuture<ProbeResult> start(
      Target target,
      ProbeSpec spec,
      Probe probe,
      Consumer<ProbeResult> onResult,
      Runnable onThreadEnd) {
    var future = new CompletableFuture<ProbeResult>();
    Predicate<ProbeResult> settle =
        r -> {
          if (!future.complete(r)) {
            return false; // the other side (answer or deadline) came first
          }
          onResult.accept(r);
          return true;
        };
    Instant started = resources.clock().instant();
    Duration budget = spec.timing().budget();
    var context = new ProbeContext(target, spec, resources, started.plus(budget));
    Thread worker =
        Thread.ofVirtual()
            .name("probe " + spec.name() + "@" + target.name())
            .unstarted(
                () -> {
                  MDC.put("target", target.name());
                  MDC.put("probe", spec.name());
                  try {
                    settle.test(runGuarded(probe, context, started));
                  } finally {
                    MDC.remove("target");
                    MDC.remove("probe");
                    workers.remove(Thread.currentThread());
                    onThreadEnd.run();
                  }
                });
    workers.add(worker);
    worker.start();
    Thread.ofVirtual()
        .name("deadline " + spec.name() + "@" + target.name())
        .start(
            () -> {
              try {
                if (!worker.join(budget) && settle.test(timedOut(target, spec, started, budget))) {
                  worker.interrupt(); // settled first: the probe's late answer is discarded
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    return future;
  }

  /** Waits up to {@code grace} for every running probe thread to end; true if all did. */
  boolean awaitIdle(Duration grace) throws InterruptedException {
    long end = System.nanoTime() + grace.toNanos();
    for (Thread t : List.copyOf(workers)) {
      long left = end - System.nanoTime();
      if (left <= 0 || !t.join(Duration.ofNanos(left))) {
        return workers.isEmpty();
      }
    }
    return workers.isEmpty();
  }

  /** Interrupts every probe thread still running; returns how many. */
  int interruptAll() {
    List<Thread> running = List.copyOf(workers);
    running.forEach(Thread::interrupt);
    return running.size();
  }

  private ProbeResult runGuarded(Probe probe, ProbeContext context, Instant started) {
    String what = what(context.spec(), context.target());
    try {
      ProbeResult r = probe.run(context);
      if (r == null) {
        logger.error("{} returned no result: a bug in the probe", what);
        return failed(context, started, what + " returned no result (a bug in the probe)");
      }
      return r;
    } catch (InterruptedException e) {
      // Cut off at the deadline (already settled as TIMED_OUT) or interrupted by stop().
      Thread.currentThread().interrupt();
      return failed(context, started, what + " was interrupted");
    } catch (RuntimeException | Error e) {
      // A bug, not a target problem: surfaced as data and logged for a person to fix. One stack
      // trace per bug, not one per target and poll: a bug in a probe type hits every target.
      if (bugsLogged.add(context.spec().type() + " " + e.getClass().getName())) {
        logger.error(
            "{} threw instead of reporting a result: a bug in probe type {} (further {} from it"
                + " are logged at DEBUG)",
            what,
            context.spec().type(),
            e.getClass().getSimpleName(),
            e);
      } else {
        logger.debug("{} threw: {}", what, e.toString());
      }
      return failed(context, started, what + " failed with a bug: " + e);
    }
  }

  private static ProbeResult failed(ProbeContext c, Instant started, String reason) {
    return c.failed(started, reason, List.of());
  }

  static ProbeResult timedOut(Target target, ProbeSpec spec, Instant started, Duration budget) {
    String reason = what(spec, target) + " took longer than its " + human(budget) + " budget";
    return new ProbeResult(
        target.name(),
        spec.name(),
        spec.type(),
        started,
        budget,
        ProbeResult.Status.TIMED_OUT,
        reason,
        List.of());
  }

  private static String what(ProbeSpec spec, Target target) {
    return spec.name() + " on " + target.name();
  }

  /** 15s, 1.25s, 450ms, 2m. */
  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + "s";
  }
}
