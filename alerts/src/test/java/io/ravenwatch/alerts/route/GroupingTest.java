package io.ravenwatch.alerts.route;

import static io.ravenwatch.alerts.route.RouterHarness.labels;
import static io.ravenwatch.alerts.route.RouterHarness.sources;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notification.Kind;
import io.ravenwatch.alerts.api.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupingTest {

  private final RouterHarness h = new RouterHarness(RouteSettings.DEFAULT, List.of());

  @Test
  void groupWaitCollectsThreeAlertsIntoOneFiringNotificationWorstFirst() {
    h.fire(labels("disk_full", "a"));
    h.advance(Duration.ofSeconds(2));
    h.fire(labels("disk_full", "b"), Severity.CRITICAL);
    h.advance(Duration.ofSeconds(1));
    h.fire(labels("disk_full", "c"));
    h.advance(Duration.ofSeconds(1));
    assertThat(h.sent()).isEmpty();

    h.advance(Duration.ofSeconds(1)); // group_wait (5s) after the first alert

    assertThat(h.sent()).hasSize(1);
    Notification n = h.sent().getFirst();
    assertThat(n.kind()).isEqualTo(Kind.FIRING);
    assertThat(n.receiver()).isEqualTo("console");
    assertThat(sources(n)).containsExactly("b", "a", "c");
    assertThat(n.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(n.replyTo()).isNull();
    assertThat(n.groupLabels().map())
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(java.util.Map.of("alertname", "disk_full", "region", "eu")));
  }

  @Test
  void laterChangesAreBatchedNoMoreOftenThanGroupInterval() {
    h.fire(labels("disk_full", "a"));
    h.fire(labels("disk_full", "b"));
    h.advance(Duration.ofSeconds(5));
    Notification firing = h.sent().getFirst();

    h.advance(Duration.ofSeconds(10));
    h.fire(labels("disk_full", "c"));
    h.advance(Duration.ofSeconds(10));
    h.fire(labels("disk_full", "d"));
    h.resolve(labels("disk_full", "a"));
    h.advance(Duration.ofSeconds(39)); // 59 s after the FIRING
    assertThat(h.sent()).hasSize(1);

    h.advance(Duration.ofSeconds(1));

    assertThat(h.sent()).hasSize(2);
    Notification update = h.sent().get(1);
    assertThat(update.kind()).isEqualTo(Kind.UPDATE);
    assertThat(update.replyTo()).isEqualTo(firing.id());
    assertThat(update.alerts())
        .extracting(a -> a.target() + ":" + a.state())
        .containsExactly("b:FIRING", "c:FIRING", "d:FIRING", "a:RESOLVED");
  }

  @Test
  void resolvedCarriesTheOutboxIdOfTheIncidentsFirstNotificationPerReceiver() {
    var two =
        new RouterHarness(
            RouteSettings.DEFAULT.withReceivers(List.of("console", "discord")), List.of());
    two.fire(labels("disk_full", "a"));
    two.fire(labels("disk_full", "b"));
    two.advance(Duration.ofSeconds(5));
    List<Notification> firing = two.sent(Kind.FIRING);
    assertThat(firing).extracting(Notification::receiver).containsExactly("console", "discord");
    assertThat(two.router.openIncidents())
        .singleElement()
        .satisfies(
            incident -> {
              assertThat(incident.sources()).containsExactlyInAnyOrder("a", "b");
              assertThat(incident.openedBy())
                  .containsEntry("console", firing.get(0).id())
                  .containsEntry("discord", firing.get(1).id());
            });
    two.restart();
    assertThat(two.router.openIncidents()).as("restored after a restart").hasSize(1);

    two.advance(Duration.ofMinutes(2));
    two.resolve(labels("disk_full", "a"));
    two.resolve(labels("disk_full", "b"));
    two.advance(Duration.ofSeconds(1));

    List<Notification> resolved = two.sent(Kind.RESOLVED);
    assertThat(resolved).hasSize(2);
    assertThat(resolved.get(0).replyTo()).isEqualTo(firing.get(0).id());
    assertThat(resolved.get(1).replyTo()).isEqualTo(firing.get(1).id());
    assertThat(resolved.get(0).alerts()).allMatch(a -> a.state() == AlertState.RESOLVED);
    assertThat(two.sent(Kind.UPDATE)).isEmpty();
    assertThat(two.router.openIncidents()).isEmpty();
  }

  @Test
  void groupWaitZeroEnqueuesInTheTransactionOfTheTransition() {
    var now = new RouterHarness(RouteSettings.DEFAULT.withGroupWait(Duration.ZERO), List.of());

    now.fire(labels("disk_full", "a")); // no tick

    assertThat(now.sent()).extracting(Notification::kind).containsExactly(Kind.FIRING);
  }

  @Test
  void alertThatResolvesWithinGroupWaitIsNeverNotified() {
    h.fire(labels("disk_full", "a"));
    h.advance(Duration.ofSeconds(3));
    h.resolve(labels("disk_full", "a"));
    h.advance(Duration.ofMinutes(5));

    assertThat(h.sent()).isEmpty();
  }

  @Test
  void alertsOfOtherGroupLabelsGoToOtherGroups() {
    h.fire(labels("disk_full", "a"));
    h.fire(labels("disk_full", "b").with("region", "us"));
    h.fire(labels("cpu_high", "a"));
    h.advance(Duration.ofSeconds(5));

    assertThat(h.sent(Kind.FIRING)).hasSize(3).allMatch(n -> n.alerts().size() == 1);
  }

  @Test
  void pendingAlertsAreNotNotified() {
    h.move(labels("disk_full", "a"), Severity.WARNING, AlertState.PENDING);
    h.advance(Duration.ofMinutes(1));

    assertThat(h.sent()).isEmpty();
  }
}
