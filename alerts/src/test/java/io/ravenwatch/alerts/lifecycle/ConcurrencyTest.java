package io.ravenwatch.alerts.lifecycle;

import static io.ravenwatch.alerts.api.AlertState.INACTIVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.AlertEvent;
import io.ravenwatch.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  @Test
  void manyThreadsObservingSharedAndOwnAlertsGetEachAlertsEventsInLegalOrder() throws Exception {
    var clock = MutableClock.at("2025-01-01T10:00:00Z");
    var tracker = new AlertTracker(LifecycleSettings.DEFAULTS, clock);
    var store = new Observations.DocumentStore();
    Map<String, List<AlertEvent>> byAlert = new ConcurrentHashMap<>();
    var seconds = new AtomicLong();
    int threads = 16;
    int shared = 20;
    int rounds = 400;

    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures = new ArrayList<Future<?>>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            executor.submit(
                () -> {
                  var random = new SplittableRandom(thread);
                  var own = Observations.rule("own-" + thread, Duration.ZERO, Duration.ZERO);
                  for (int i = 0; i < rounds; i++) {
                    var rule =
                        i % 2 == 0
                            ? own
                            : Observations.rule(
                                "shared-" + random.nextInt(shared),
                                Duration.ofSeconds(random.nextInt(3)),
                                Duration.ofSeconds(random.nextInt(3)));
                    Instant at = clock.instant().plusSeconds(seconds.incrementAndGet());
                    tracker.observe(
                        rule.at(at, random.nextInt(3) > 0),
                        changes -> {
                          changes.persist(store);
                          byAlert
                              .computeIfAbsent(
                                  rule.fingerprint(), k -> new CopyOnWriteArrayList<>())
                              .addAll(changes.events());
                          return null;
                        });
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    }

    assertThat(byAlert).hasSize(threads + shared);
    for (var entry : byAlert.entrySet()) {
      List<AlertEvent> events = entry.getValue();
      assertThat(events).as("events of %s", entry.getKey()).isNotEmpty();
      assertThat(events.getFirst().from()).isEqualTo(INACTIVE);
      for (int i = 1; i < events.size(); i++) {
        assertThat(events.get(i).from())
            .as("event %d of %s follows the one before", i, entry.getKey())
            .isEqualTo(events.get(i - 1).to());
      }
      AlertRecord now = tracker.get(entry.getKey()).orElseThrow();
      assertThat(now.state()).isEqualTo(events.getLast().to());
      // The stored document is the newest state, as the lock orders the writes too.
      if (store.alerts.containsKey(entry.getKey())) {
        assertThat(AlertDocuments.fromJson(store.alerts.get(entry.getKey())).state())
            .isEqualTo(now.state());
      }
    }
  }
}
