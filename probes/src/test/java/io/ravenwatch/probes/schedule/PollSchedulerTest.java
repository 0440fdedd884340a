package io.ravenwatch.probes.schedule;

import static io.ravenwatch.probes.schedule.TestTargets.registry;
import static io.ravenwatch.probes.schedule.TestTargets.spec;
import static io.ravenwatch.probes.schedule.TestTargets.target;
import static io.ravenwatch.probes.schedule.TestTargets.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeResult.Status;
import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.api.Timing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller with the real Quartz scheduler and test probes; 1 s intervals, generous bounds. */
class PollSchedulerTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration TIMEOUT = Duration.ofMillis(300); // budget 550 ms
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final ResultBus bus = new ResultBus();
  private final Queue<ProbeResult> results = new ConcurrentLinkedQueue<>();
  private final ProbeResources resources = new ProbeResources(Clock.systemUTC());
  private final List<PollScheduler> pollers = new ArrayList<>();
  private final CountDownLatch release =
      new CountDownLatch(1); // frees probes that ignore interrupts

  @AfterEach
  void stopEverything() {
    release.countDown();
    pollers.forEach(PollScheduler::stop);
    resources.close();
  }

  private PollScheduler poller(ProbeRegistry registry, int shards, Target... targets) {
    return poller(registry, shards, PollObserver.NONE, targets);
  }

  private PollScheduler poller(
      ProbeRegistry registry, int shards, PollObserver observer, Target... targets) {
    var settings =
        PollScheduler.Settings.defaults()
            .withShards(shards)
            .withTick(Duration.ofMillis(200))
            .withStopGrace(Duration.ofMillis(200))
            .withName("test-" + UUID.randomUUID());
    var p = new PollScheduler(List.of(targets), registry, resources, bus, observer, settings);
    pollers.add(p);
    return p;
  }

  private List<ProbeResult> resultsOf(String target) {
    return results.stream().filter(r -> r.target().equals(target)).toList();
  }

  private long count(String target, Status status) {
    return resultsOf(target).stream().filter(r -> r.status() == status).count();
  }

  private static final Probe FAST = ctx -> ctx.ok(ctx.clock().instant(), List.of());

  /** Blocks until the test ends, ignoring interrupts: an agent that never answers. */
  private Probe stuck() {
    return ctx -> {
      while (true) {
        try {
          release.await();
          return ctx.ok(ctx.clock().instant(), List.of());
        } catch (InterruptedException ignored) {
          // a badly written client library swallows the interrupt and keeps waiting
        }
      }
    };
  }

  @Test
  void runsEachProbeAtItsIntervalOnVirtualThreads() {
    var onVirtual = new AtomicBoolean(true);
    var observed = new AtomicInteger();
    Probe fast =
        ctx -> {
          onVirtual.compareAndSet(true, Thread.currentThread().isVirtual());
          return FAST.run(ctx);
        };
    PollObserver observer =
        (type, elapsed, status) -> {
          if (type.equals("fast") && status == Status.OK) {
            observed.incrementAndGet();
          }
        };
    bus.subscribe(results::add);
    poller(
            registry(type("fast", t -> fast)),
            4,
            observer,
            target("a1", spec("fast", SECOND, TIMEOUT)),
            target("b1", spec("fast", SECOND, TIMEOUT)))
        .start();

    await()
        .atMost(PATIENCE)
        .until(() -> count("a1", Status.OK) >= 3 && count("b1", Status.OK) >= 3);

    assertThat(onVirtual).isTrue();
    assertThat(observed.get()).isGreaterThanOrEqualTo(6);
    // At its interval, not at every 200 ms tick: runs of a target start about a second apart.
    List<Instant> starts = resultsOf("a1").stream().map(ProbeResult::time).toList();
    for (int i = 1; i < starts.size(); i++) {
      assertThat(Duration.between(starts.get(i - 1), starts.get(i)))
          .isGreaterThan(Duration.ofMillis(500));
    }
  }

  @Test
  void deadProbeIsCutAtItsBudgetWhileItsShardNeighbourKeepsPolling() {
    bus.subscribe(results::add);
    // One shard: db1 and web1 share the same Quartz trigger.
    PollScheduler poller =
        poller(
            registry(type("fast", t -> FAST), type("snmp", t -> stuck())),
            1,
            target("db1", spec("snmp", SECOND, TIMEOUT)),
            target("web1", spec("fast", SECOND, TIMEOUT)));
    poller.start();

    await().atMost(PATIENCE).until(() -> count("db1", Status.TIMED_OUT) == 1);
    ProbeResult cut = resultsOf("db1").getFirst();
    assertThat(cut.reason()).isEqualTo("snmp on db1 took longer than its 550ms budget");
    assertThat(cut.elapsed()).isEqualTo(Duration.ofMillis(550));

    long web1Before = count("web1", Status.OK);
    await().atMost(PATIENCE).until(() -> count("web1", Status.OK) >= web1Before + 3);
    // The stuck run never ended, so db1's later slots were skipped rather than overlapping it.
    assertThat(resultsOf("db1")).hasSize(1);
    assertThat(poller.counters().skippedBusy()).isGreaterThanOrEqualTo(1);
    assertThat(poller.counters().timedOut()).isEqualTo(1);
  }

  @Test
  void probeThatThrowsBecomesAFailedResultAndKeepsBeingScheduled() {
    bus.subscribe(results::add);
    Probe buggy =
        ctx -> {
          throw new IllegalStateException("boom");
        };
    PollScheduler poller =
        poller(
            registry(type("buggy", t -> buggy)), 2, target("app1", spec("buggy", SECOND, TIMEOUT)));
    poller.start();

    await().atMost(PATIENCE).until(() -> count("app1", Status.FAILED) >= 3);
    assertThat(resultsOf("app1").getFirst().reason())
        .isEqualTo("buggy on app1 failed with a bug: java.lang.IllegalStateException: boom");
    assertThat(poller.counters().failed()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void listenerThatThrowsDoesNotStopOthersNorScheduling() {
    bus.subscribe(
        r -> {
          throw new IllegalStateException("listener bug");
        });
    bus.subscribe(results::add);
    poller(registry(type("fast", t -> FAST)), 2, target("a1", spec("fast", SECOND, TIMEOUT)))
        .start();

    await().atMost(PATIENCE).until(() -> count("a1", Status.OK) >= 3);
  }

  @Test
  void runOnceReturnsResultsForAllProbesOfATargetRunConcurrently() throws InterruptedException {
    bus.subscribe(results::add);
    // Both "pair" probes wait for each other: they only succeed if they run at the same time.
    var barrier = new CyclicBarrier(2);
    Probe pair =
        ctx -> {
          Instant start = ctx.clock().instant();
          try {
            barrier.await(5, TimeUnit.SECONDS);
            return ctx.ok(start, List.of());
          } catch (Exception e) {
            return ctx.failed(start, "not run concurrently", List.of());
          }
        };
    Probe buggy =
        ctx -> {
          throw new IllegalStateException("boom");
        };
    var timing = new Timing(Duration.ofSeconds(10), Duration.ofSeconds(8), 0);
    Target db1 =
        target(
            "db1",
            new ProbeSpec("pair", "a", timing, new TestTargets.NoSettings()),
            new ProbeSpec("pair", "b", timing, new TestTargets.NoSettings()),
            spec("buggy", SECOND, TIMEOUT),
            spec("snmp", SECOND, TIMEOUT));
    PollScheduler poller =
        poller(
            registry(
                type("pair", t -> pair), type("buggy", t -> buggy), type("snmp", t -> stuck())),
            2);

    List<ProbeResult> got = poller.runOnce(db1);

    assertThat(got)
        .extracting(ProbeResult::probe, ProbeResult::status, ProbeResult::target)
        .containsExactly(
            tuple("a", Status.OK, "db1"),
            tuple("b", Status.OK, "db1"),
            tuple("buggy", Status.FAILED, "db1"),
            tuple("snmp", Status.TIMED_OUT, "db1"));
    assertThat(results).as("runOnce returns results, it does not publish them").isEmpty();
  }

  @Test
  void stopInterruptsRunningProbes() {
    bus.subscribe(results::add);
    var started = new CountDownLatch(1);
    var interrupted = new CountDownLatch(1);
    Probe sleeper =
        ctx -> {
          started.countDown();
          try {
            Thread.sleep(Duration.ofMinutes(5));
          } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
          }
          return ctx.ok(ctx.clock().instant(), List.of());
        };
    // Budget 3.25 s: longer than the test needs to call stop() once the probe has started.
    PollScheduler poller =
        poller(
            registry(type("sleeper", t -> sleeper)),
            2,
            target("db1", spec("sleeper", Duration.ofSeconds(4), Duration.ofSeconds(3))));
    poller.start();
    await().atMost(PATIENCE).until(() -> started.getCount() == 0);

    poller.stop();

    assertThat(interrupted.getCount()).as("the probe was interrupted by stop()").isZero();
    assertThat(results).as("an interrupted run is not a result").isEmpty();
    assertThat(poller.counters().timedOut()).isZero();
  }

  @Test
  void warnsOnceWhenAProbeKeepsTimingOut() {
    bus.subscribe(results::add);
    try (var logs = LogCapture.of(PollScheduler.class)) {
      // Blocks until interrupted, then gives up: every run is cut, and the next slot runs again.
      Probe slow =
          ctx -> {
            Thread.sleep(Duration.ofMinutes(5));
            return ctx.ok(ctx.clock().instant(), List.of());
          };
      poller(registry(type("slow", t -> slow)), 2, target("db2", spec("slow", SECOND, TIMEOUT)))
          .start();

      await().atMost(PATIENCE).until(() -> count("db2", Status.TIMED_OUT) >= 3);

      assertThat(logs.messages(Level.WARN))
          .containsExactly(
              "slow on db2 took longer than its 550ms budget; later timeouts of this probe are not logged");
    }
  }

  @Test
  void unknownProbeTypeIsRejectedAtStart() {
    PollScheduler poller = poller(registry(), 2, target("db1", spec("nope", SECOND, TIMEOUT)));

    assertThatThrownBy(poller::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown probe type 'nope' for probe nope of db1");
  }
}
