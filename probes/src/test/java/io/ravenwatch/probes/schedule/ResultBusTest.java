package io.ravenwatch.probes.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.api.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultBusTest {
  private static final ProbeResult RESULT =
      new ProbeResult(
          "db1",
          "ping",
          "ping",
          Instant.parse("2025-01-01T10:00:00Z"),
          Duration.ofMillis(3),
          ProbeResult.Status.OK,
          "",
          List.of());

  @Test
  void listenerThatThrowsDoesNotStopTheOthers() {
    var bus = new ResultBus();
    var before = new ArrayList<ProbeResult>();
    var after = new ArrayList<ProbeResult>();
    bus.subscribe(before::add);
    bus.subscribe(
        r -> {
          throw new IllegalStateException("listener bug");
        });
    bus.subscribe(after::add);

    bus.onResult(RESULT);
    bus.onResult(RESULT);

    assertThat(before).hasSize(2);
    assertThat(after).hasSize(2);
  }

  @Test
  void closedSubscriptionReceivesNothingMore() {
    var bus = new ResultBus();
    var got = new ArrayList<ProbeResult>();
    ResultBus.Subscription s = bus.subscribe(got::add);
    bus.onResult(RESULT);
    s.close();
    bus.onResult(RESULT);

    assertThat(got).hasSize(1);
    assertThat(bus.size()).isZero();
  }
}
