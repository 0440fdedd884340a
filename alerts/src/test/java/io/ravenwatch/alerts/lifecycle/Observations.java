package io.ravenwatch.alerts.lifecycle;

import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.store.AlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Observations of one alert with a given {@code for} and {@code keep_firing_for}, for tests. */
record Observations(Labels labels, Duration forDuration, Duration keepFiringFor) {

  static Observations rule(String source, Duration forDuration, Duration keepFiringFor) {
    return new Observations(
        Labels.of("alertname", "HostDown", "severity", "critical", "source", source),
        forDuration,
        keepFiringFor);
  }

  Observation active(Instant at) {
    return at(at, true);
  }

  Observation inactive(Instant at) {
    return at(at, false);
  }

  Observation at(Instant at, boolean active) {
    return new Observation(
        "HostDown",
        Severity.CRITICAL,
        forDuration,
        keepFiringFor,
        labels,
        active,
        active ? 0.0 : 1.0,
        Map.of("summary", labels.get("source") + " is down"),
        at);
  }

  String fingerprint() {
    return labels.fingerprint();
  }

  /** The document part of an {@code AlertStore}: a map, written through a transaction. */
  static final class DocumentStore implements AlertStore.Transaction {
    final Map<String, String> alerts = new ConcurrentHashMap<>();

    @Override
    public void putDocument(String kind, String key, String json) {
      check(kind);
      alerts.put(key, json);
    }

    @Override
    public void deleteDocument(String kind, String key) {
      check(kind);
      alerts.remove(key);
    }

    @Override
    public io.ravenwatch.alerts.api.Notification enqueue(
        io.ravenwatch.alerts.api.Notification notification) {
      throw new UnsupportedOperationException("no outbox in lifecycle tests");
    }

    private static void check(String kind) {
      if (!kind.equals("alert")) {
        throw new AssertionError("unexpected document kind " + kind);
      }
    }
  }
}
