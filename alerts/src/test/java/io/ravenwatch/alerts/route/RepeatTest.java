package io.ravenwatch.alerts.route;

import static io.ravenwatch.alerts.route.RouterHarness.labels;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.Notification.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatTest {

  private final RouterHarness h = new RouterHarness(RouteSettings.DEFAULT, List.of());

  @Test
  void stillFiringGroupIsRepeatedEveryRepeatInterval() {
    h.fire(labels("disk_full", "a"));
    h.advance(Duration.ofSeconds(5));
    long firing = h.sent().getFirst().id();

    h.advanceMinutes(239);
    assertThat(h.sent(Kind.REPEAT)).isEmpty();
    h.advanceMinutes(1);
    assertThat(h.sent(Kind.REPEAT)).hasSize(1);
    assertThat(h.sent(Kind.REPEAT).getFirst().replyTo()).isEqualTo(firing);

    h.advanceMinutes(240);
    assertThat(h.sent(Kind.REPEAT)).hasSize(2);
  }

  @Test
  void resolvedGroupIsNotRepeated() {
    h.fire(labels("disk_full", "a"));
    h.advance(Duration.ofSeconds(5));
    h.resolve(labels("disk_full", "a"));
    h.advanceMinutes(600);

    assertThat(h.sent()).extracting(n -> n.kind()).containsExactly(Kind.FIRING, Kind.RESOLVED);
  }
}
