package io.ravenwatch.alerts.route;

import static io.ravenwatch.alerts.route.RouterHarness.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notification.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The router's state lives in "group" documents: a restart neither loses nor repeats anything. */
class RestartTest {

  private final RouterHarness h = new RouterHarness(RouteSettings.DEFAULT, List.of());

  @Test
  void restoredRouterSendsNoSecondFiringAndResolvesWithTheOriginalReplyTo() {
    h.fire(labels("disk_full", "db1"));
    h.advance(Duration.ofSeconds(5));
    long firing = h.sent().getFirst().id();
    assertThat(h.store.loadDocuments(NotificationRouter.KIND)).hasSize(1);

    h.restart();
    h.advanceMinutes(10);
    assertThat(h.sent()).hasSize(1);

    h.resolve(labels("disk_full", "db1"));
    h.advance(Duration.ofSeconds(1));

    assertThat(h.sent()).extracting(Notification::kind).containsExactly(Kind.FIRING, Kind.RESOLVED);
    assertThat(h.sent().get(1).replyTo()).isEqualTo(firing);
    assertThat(h.store.loadDocuments(NotificationRouter.KIND)).isEmpty();
  }

  @Test
  void alertWaitingOutGroupWaitAtRestartIsNotifiedOnce() {
    h.fire(labels("disk_full", "db1"));
    h.advance(Duration.ofSeconds(2));

    h.restart();
    h.advance(Duration.ofSeconds(10));

    assertThat(h.sent()).extracting(Notification::kind).containsExactly(Kind.FIRING);
  }

  @Test
  void repeatAndEscalationTimersSurviveARestart() {
    h.fire(labels("disk_full", "db1"));
    h.advance(Duration.ofSeconds(5));
    h.advanceMinutes(200);

    h.restart();
    h.advanceMinutes(40);

    assertThat(h.sent()).extracting(Notification::kind).containsExactly(Kind.FIRING, Kind.REPEAT);
  }

  @Test
  void acksSurviveARestart() {
    String fp = h.fire(labels("disk_full", "db1"));
    h.advance(Duration.ofSeconds(5));
    h.acks.ack(fp, "alice", "");

    h.restart();
    h.advanceMinutes(5 * 60);

    assertThat(h.sent(Kind.REPEAT)).isEmpty();
  }

  @Test
  void failedTransactionLeavesNothingHalfDoneAndTheNotificationGoesOutOnTheNextTick() {
    h.fire(labels("disk_full", "db1"));
    h.clock.advance(Duration.ofSeconds(5));
    h.store.failNextEnqueue = true;

    assertThatThrownBy(() -> h.router.tick(h.clock.instant())).hasMessage("database down");
    assertThat(h.sent()).isEmpty();

    h.router.tick(h.clock.instant());
    h.advanceMinutes(5);

    assertThat(h.sent()).extracting(Notification::kind).containsExactly(Kind.FIRING);
  }
}
