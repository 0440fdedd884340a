package io.ravenwatch.alerts.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyAnnotationsTest {
  private final AtomicInteger renders = new AtomicInteger();
  private final Map<String, String> lazy =
      LazyAnnotations.of(
          () -> {
            renders.incrementAndGet();
            return Map.of("summary", "db1 is down");
          });

  private Observation observation() {
    return new Observation(
        "HostDown",
        Severity.CRITICAL,
        Duration.ZERO,
        Duration.ZERO,
        Labels.of("alertname", "HostDown"),
        false,
        null,
        lazy,
        Instant.parse("2025-01-01T10:00:00Z"));
  }

  @Test
  void anObservationDoesNotRenderItsAnnotations() {
    Observation o = observation();

    assertThat(renders).hasValue(0);
    assertThat(o.annotations()).isSameAs(lazy);
  }

  @Test
  void rendersOnceOnFirstReadWithWhatRenderingGave() {
    Observation o = observation();

    assertThat(o.annotations()).containsExactly(Map.entry("summary", "db1 is down"));
    assertThat(o.annotations().get("summary")).isEqualTo("db1 is down");
    assertThat(o.annotations()).isEqualTo(Map.of("summary", "db1 is down"));
    assertThat(renders).hasValue(1);
  }

  @Test
  void anEventCarriesRenderedAnnotations() {
    var event =
        new AlertEvent(
            "f",
            "HostDown",
            Labels.of("alertname", "HostDown"),
            Severity.CRITICAL,
            AlertState.INACTIVE,
            AlertState.FIRING,
            Instant.parse("2025-01-01T10:00:00Z"),
            null,
            null,
            lazy);

    assertThat(renders).hasValue(1);
    assertThat(event.annotations()).isNotInstanceOf(LazyAnnotations.class);
    assertThat(event.annotations()).containsEntry("summary", "db1 is down");
  }
}
