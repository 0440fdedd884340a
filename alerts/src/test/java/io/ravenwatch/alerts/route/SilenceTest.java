package io.ravenwatch.alerts.route;

import static io.ravenwatch.alerts.route.RouterHarness.labels;
import static io.ravenwatch.alerts.route.RouterHarness.sources;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notification.Kind;
import io.ravenwatch.alerts.silence.Matcher;
import io.ravenwatch.alerts.silence.Silence;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mute policy (a)–(d) of {@link NotificationRouter}, with silences. */
class SilenceTest {

  private final RouterHarness h = new RouterHarness(RouteSettings.DEFAULT, List.of());

  private Silence silence(String source, Duration length) {
    return h.silences.add(
        List.of(Matcher.eq("source", source)),
        h.clock.instant(),
        h.clock.instant().plus(length),
        "alice",
        "swapping the disk");
  }

  @Test
  void notifiedAlertIsNotRepeatedWhileSilenced() { // (a)
    h.fire(labels("disk_full", "db1"));
    h.advance(Duration.ofSeconds(5));
    silence("db1", Duration.ofHours(10));

    h.advanceMinutes(9 * 60);

    assertThat(h.sent()).extracting(Notification::kind).containsExactly(Kind.FIRING);
  }

  @Test
  void repeatsResumeWhenTheSilenceIsExpired() { // (a), the other side
    h.fire(labels("disk_full", "db1"));
    h.advance(Duration.ofSeconds(5));
    Silence s = silence("db1", Duration.ofHours(10));
    h.advanceMinutes(5 * 60);

    h.silences.expire(s.id());
    h.advanceMinutes(1);

    assertThat(h.sent()).extracting(Notification::kind).containsExactly(Kind.FIRING, Kind.REPEAT);
    assertThat(h.silences.list()).isEmpty();
  }

  @Test
  void resolutionOfANotifiedAlertIsSentEvenWhileSilenced() { // (b)
    h.fire(labels("disk_full", "db1"));
    h.advance(Duration.ofSeconds(5));
    long firing = h.sent().getFirst().id();
    silence("db1", Duration.ofHours(2));
    h.advanceMinutes(30);

    h.resolve(labels("disk_full", "db1"));
    h.advance(Duration.ofSeconds(1));

    assertThat(h.sent()).extracting(Notification::kind).containsExactly(Kind.FIRING, Kind.RESOLVED);
    assertThat(h.sent().get(1).replyTo()).isEqualTo(firing);
  }

  @Test
  void alertThatStartsAndResolvesInsideTheSilenceIsNeverNotified() { // (c)
    Silence s = silence("db1", Duration.ofHours(1));
    h.fire(labels("disk_full", "db1"));
    h.advanceMinutes(20);
    h.resolve(labels("disk_full", "db1"));
    h.advanceMinutes(20);
    h.silences.expire(s.id());
    h.advanceMinutes(60);

    assertThat(h.sent()).isEmpty();
  }

  @Test
  void alertStillFiringWhenTheSilenceEndsIsNotifiedThen() { // (d)
    silence("db1", Duration.ofMinutes(30));
    h.fire(labels("disk_full", "db1"));
    h.fire(labels("disk_full", "db2")); // same group, not silenced
    h.advance(Duration.ofSeconds(5));
    assertThat(h.sent()).hasSize(1);
    assertThat(sources(h.sent().getFirst())).containsExactly("db2");

    h.advanceMinutes(29);
    assertThat(h.sent()).hasSize(1);
    h.advanceMinutes(2);

    assertThat(h.sent()).hasSize(2);
    Notification n = h.sent().get(1);
    assertThat(n.kind()).isEqualTo(Kind.UPDATE); // db2's incident is open: db1 joins it
    assertThat(n.alerts()).extracting(a -> a.target()).containsExactlyInAnyOrder("db1", "db2");
  }

  @Test
  void aloneInItsGroupTheAlertStillFiringWhenTheSilenceEndsGetsAFiring() { // (d)
    silence("db1", Duration.ofMinutes(30));
    h.fire(labels("disk_full", "db1"));
    h.advanceMinutes(31);

    assertThat(h.sent()).extracting(Notification::kind).containsExactly(Kind.FIRING);
    assertThat(sources(h.sent().getFirst())).containsExactly("db1");
  }

  @Test
  void silenceMatchesOnlyItsLabels() {
    silence("db1", Duration.ofHours(1));
    h.fire(labels("disk_full", "db9"));
    h.advance(Duration.ofSeconds(5));

    assertThat(h.sent()).hasSize(1);
  }
}
