package io.ravenwatch.alerts.route;

import io.ravenwatch.alerts.ack.AckBook;
import io.ravenwatch.alerts.api.AlertEvent;
import io.ravenwatch.alerts.api.AlertState;

/**
 * When an acknowledgement stops holding: its alert starts flapping, its severity rises above the
 * acknowledged one, or an alert of higher severity joins its group (things got worse: whoever took
 * it must hear again). Resolution ends an ack too; the router handles that.
 */
final class AckVoiding {
  private AckVoiding() {}

  /** Voids acks that no longer hold: the alert flaps, its severity rose, a worse alert joined. */
  static void apply(AckBook acks, AlertEvent e, Group g, TrackedAlert prev) {
    var own = acks.find(e.fingerprint());
    boolean startsFlapping =
        e.to() == AlertState.FLAPPING && (prev == null || prev.state() != AlertState.FLAPPING);
    if (own.isPresent() && (startsFlapping || e.severity().above(own.get().severity()))) {
      acks.remove(e.fingerprint());
    }
    boolean joins = e.to().active() && (prev == null || !prev.active());
    if (joins) {
      for (TrackedAlert other : g.alerts.values()) {
        acks.find(other.fingerprint())
            .filter(a -> e.severity().above(a.severity()))
            .ifPresent(a -> acks.remove(a.fingerprint()));
      }
    }
  }
}
