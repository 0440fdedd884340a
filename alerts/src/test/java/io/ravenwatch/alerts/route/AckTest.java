package io.ravenwatch.alerts.route;

import static io.ravenwatch.alerts.route.RouterHarness.labels;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.ack.AckService;
import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notification.Kind;
import io.ravenwatch.alerts.api.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckTest {

  private final RouterHarness h = new RouterHarness(RouteSettings.DEFAULT, List.of());

  private String fireAndNotify() {
    String fp = h.fire(labels("disk_full", "db1"));
    h.advance(Duration.ofSeconds(5));
    return fp;
  }

  @Test
  void ackSendsAcknowledgedWithWhoAndNoteAndStopsRepeats() {
    String fp = fireAndNotify();
    long firing = h.sent().getFirst().id();

    var outcome = h.acks.ack(fp, "alice", "replacing the disk");
    h.advanceMinutes(10 * 60);

    assertThat(outcome).isInstanceOf(AckService.Outcome.Acked.class);
    assertThat(h.sent())
        .extracting(Notification::kind)
        .containsExactly(Kind.FIRING, Kind.ACKNOWLEDGED);
    Notification ack = h.sent().get(1);
    assertThat(ack.replyTo()).isEqualTo(firing);
    assertThat(ack.alerts().getFirst().ackedBy()).isEqualTo("alice");
    assertThat(ack.alerts().getFirst().annotations())
        .containsEntry(Announcer.ACK_NOTE, "replacing the disk");
  }

  @Test
  void ackByGroupKeyCoversEveryActiveAlertOfTheGroup() {
    fireAndNotify();
    h.fire(labels("disk_full", "db2"));
    h.advanceMinutes(2);
    String group = h.sent().getFirst().groupKey();

    h.acks.ack(group, "bob", "");
    h.advanceMinutes(10 * 60);

    assertThat(h.acks.list()).hasSize(2);
    assertThat(h.sent(Kind.REPEAT)).isEmpty();
  }

  @Test
  void ackOfNothingActiveSaysSo() {
    assertThat(h.acks.ack("0000000000000000", "alice", ""))
        .isInstanceOf(AckService.Outcome.NothingToAck.class);
  }

  @Test
  void aWorseAlertJoiningTheGroupVoidsTheAckAndRepeatsResume() {
    String fp = fireAndNotify();
    h.acks.ack(fp, "alice", "");
    h.advanceMinutes(60);

    h.fire(labels("disk_full", "db2"), Severity.CRITICAL);

    assertThat(h.ackBook.find(fp)).isEmpty();
    h.advanceMinutes(4 * 60 + 1);
    Notification repeat = h.sent(Kind.REPEAT).getFirst();
    assertThat(repeat.alerts()).extracting(a -> a.target()).containsExactly("db2", "db1");
  }

  @Test
  void aSeverityRiseOfTheSameAlertVoidsTheAck() {
    var lbl = labels("temperature", "db1"); // severity is not in these labels
    String fp = h.fire(lbl, Severity.WARNING);
    h.advance(Duration.ofSeconds(5));
    h.move(lbl, Severity.WARNING, AlertState.FLAPPING);
    h.acks.ack(fp, "alice", "");

    h.move(lbl, Severity.CRITICAL, AlertState.FIRING); // settles, hotter than when acked

    assertThat(h.ackBook.find(fp)).isEmpty();
  }

  @Test
  void settlingAtTheSameSeverityKeepsTheAck() {
    var lbl = labels("temperature", "db1");
    String fp = h.fire(lbl, Severity.WARNING);
    h.advance(Duration.ofSeconds(5));
    h.move(lbl, Severity.WARNING, AlertState.FLAPPING);
    h.acks.ack(fp, "alice", "");

    h.move(lbl, Severity.WARNING, AlertState.FIRING);

    assertThat(h.ackBook.find(fp)).isPresent();
  }

  @Test
  void flappingVoidsTheAckAndNotificationsResume() {
    var lbl = labels("disk_full", "db1");
    String fp = fireAndNotify();
    h.acks.ack(fp, "alice", "");
    h.advanceMinutes(30);

    h.move(lbl, Severity.WARNING, AlertState.FLAPPING);
    h.advance(Duration.ofSeconds(1));

    assertThat(h.ackBook.find(fp)).isEmpty();
    assertThat(h.sent())
        .extracting(Notification::kind)
        .containsExactly(Kind.FIRING, Kind.ACKNOWLEDGED, Kind.FLAPPING);
    h.advanceMinutes(4 * 60);
    assertThat(h.sent(Kind.REPEAT)).hasSize(1);
  }

  @Test
  void resolvingEndsTheAckSoTheNextIncidentIsNotAcked() {
    var lbl = labels("disk_full", "db1");
    String fp = fireAndNotify();
    h.acks.ack(fp, "alice", "");
    h.resolve(lbl);

    assertThat(h.ackBook.find(fp)).isEmpty();
    assertThat(h.store.acks()).isEmpty();
  }
}
