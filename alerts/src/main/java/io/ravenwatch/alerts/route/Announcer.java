package io.ravenwatch.alerts.route;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.ack.AckBook;
import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notification.Kind;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.store.AlertStore.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a group's notification to the outbox, one per receiver: the alerts worst first with who
 * acknowledged them, the dependents suppressed by the group's down targets, and the reference to
 * the incident's first notification for that receiver.
 */
final class Announcer {
  /** The annotation under which an ACKNOWLEDGED notification carries the ack's note. */
  static final String ACK_NOTE = "ack_note";

  private static final Logger logger = LoggerFactory.getLogger(Announcer.class);

  private final AckBook acks;
  private final TargetDown targetDown;

  Announcer(AckBook acks, TargetDown targetDown) {
    this.acks = acks;
    this.targetDown = targetDown;
  }

  /**
   * Enqueues {@code kind} about {@code shown} to each receiver; a FIRING notification opens the
   * incident and becomes what later ones reply to.
   */
  void announce(
      Transaction tx,
      Group g,
      Kind kind,
      List<TrackedAlert> shown,
      List<String> receivers,
      String mention,
      Visibility view,
      Instant now) {
    // The down targets this message names, and how many alerts hide behind them.
    var causes = new LinkedHashSet<String>();
    for (TrackedAlert a : shown) {
      if (a.active() && targetDown.isDown(a.labels()) && view.cause(a).isEmpty()) {
        causes.add(a.target());
      }
    }
    int suppressed = causes.stream().mapToInt(view::suppressedUnder).sum();
    String cause = suppressed == 0 ? "" : String.join(", ", causes);
    List<AlertSummary> summaries = summaries(shown, kind == Kind.ACKNOWLEDGED);
    Severity worst =
        shown.stream().map(TrackedAlert::severity).max(Enum::compareTo).orElse(Severity.INFO);
    for (String receiver : receivers) {
      Long replyTo = kind == Kind.FIRING ? null : g.replyTo.get(receiver);
      var n =
          new Notification(
              0,
              receiver,
              kind,
              g.key,
              g.labels,
              worst,
              summaries,
              suppressed,
              cause,
              mention,
              replyTo,
              now);
      Notification queued = tx.enqueue(n);
      if (kind == Kind.FIRING) {
        g.replyTo.put(receiver, queued.id());
      }
      logger.debug(
          "{} notification {} for group {} to {}: {} alerts, {} suppressed",
          kind,
          queued.id(),
          g.labels,
          receiver,
          summaries.size(),
          suppressed);
    }
  }

  private List<AlertSummary> summaries(List<TrackedAlert> shown, boolean withNote) {
    var out = new ArrayList<AlertSummary>(shown.size());
    for (TrackedAlert a : shown) {
      Optional<Ack> ack = acks.find(a.fingerprint());
      TrackedAlert s = a;
      if (withNote && ack.isPresent() && !ack.get().note().isEmpty()) {
        Map<String, String> annotations = new HashMap<>(a.annotations());
        annotations.put(ACK_NOTE, ack.get().note());
        s =
            new TrackedAlert(
                a.fingerprint(),
                a.rule(),
                a.labels(),
                a.severity(),
                a.state(),
                a.since(),
                a.value(),
                annotations,
                a.notifiedAt(),
                a.flapPending(),
                a.escalated());
      }
      out.add(s.summary(ack.map(Ack::by).orElse(null)));
    }
    return out;
  }
}
