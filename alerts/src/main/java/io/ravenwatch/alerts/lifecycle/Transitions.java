package io.ravenwatch.alerts.lifecycle;

import static io.ravenwatch.alerts.api.AlertState.FIRING;
import static io.ravenwatch.alerts.api.AlertState.FLAPPING;
import static io.ravenwatch.alerts.api.AlertState.INACTIVE;
import static io.ravenwatch.alerts.api.AlertState.PENDING;
import static io.ravenwatch.alerts.api.AlertState.RESOLVED;

import io.ravenwatch.alerts.api.AlertEvent;
import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.api.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The lifecycle of one alert as pure functions: (record, observation) → (record, event, write) and
 * (record, now) → … for the timers. No locking and no I/O here; {@link AlertTracker} does those.
 * Every transition goes through {@link #transition}, which refuses illegal ones.
 */
final class Transitions {

  /** What must happen to the alert's stored document. */
  enum Write {
    NONE,
    PUT,
    DELETE
  }

  /**
   * The outcome of one step.
   *
   * @param next the alert's new record, or null when it is forgotten
   * @param event the transition it made, or null (one step makes at most one)
   * @param write what to do with its stored document
   */
  record Step(AlertRecord next, AlertEvent event, Write write) {}

  private final LifecycleSettings settings;

  Transitions(LifecycleSettings settings) {
    this.settings = settings;
  }

  /**
   * One evaluation result of the alert's rule; {@code current} is null for an unknown alert, whose
   * fingerprint the caller computed already.
   */
  Step observe(AlertRecord current, String fingerprint, Observation o) {
    FlappingSettings flap = settings.flapping();
    Draft d = current == null ? new Draft(fingerprint, o) : new Draft(current);
    boolean edge = current != null && current.history().count() > 0;
    if (current != null) {
      edge = edge && current.history().last() != o.active();
      Duration gap = Duration.between(current.lastSeen(), o.at());
      // A gap longer than the stale threshold is the series coming back, not its rhythm.
      if (gap.compareTo(current.maxGap()) > 0
          && gap.compareTo(current.staleThreshold(settings)) <= 0) {
        d.maxGap = gap;
      }
      if (o.at().isAfter(current.lastSeen())) {
        d.lastSeen = o.at();
      }
      d.takeDetails(o);
    }
    d.history = d.history.push(o.active(), flap.window());
    double change = d.history.percentChange(flap.window());
    Instant at = o.at();
    AlertEvent event =
        switch (d.state) {
          case INACTIVE -> o.active() ? start(d, at) : null;
          case PENDING -> {
            if (!o.active()) {
              d.pendingSince = null;
              yield move(d, INACTIVE, at);
            }
            if (held(d.pendingSince, at, d.forDuration)) {
              d.pendingSince = null;
              d.activeSince = at;
              yield move(d, FIRING, at);
            }
            yield null;
          }
          case FIRING -> {
            if (change > flap.highPercent()) {
              d.falseSince = null;
              yield move(d, FLAPPING, at);
            }
            if (o.active()) {
              d.falseSince = null; // the hold-up, if any, is cancelled
              yield null;
            }
            if (d.falseSince == null) {
              d.falseSince = at;
            }
            yield held(d.falseSince, at, d.keepFiringFor) ? resolve(d, at) : null;
          }
          case FLAPPING -> {
            if (change >= flap.lowPercent()) {
              yield null;
            }
            yield o.active() ? move(d, FIRING, at) : resolve(d, at);
          }
          case RESOLVED -> {
            if (!o.active()) {
              yield null;
            }
            d.resolvedAt = null;
            d.activeSince = null;
            if (change > flap.highPercent()) {
              d.activeSince = at; // fires again too soon: a new incident, announced as flapping
              yield move(d, FLAPPING, at);
            }
            yield start(d, at);
          }
        };
    Write write;
    if (event != null) {
      write = d.state == INACTIVE ? Write.DELETE : Write.PUT;
    } else if (edge && d.state != INACTIVE && d.state != PENDING) {
      // The history or the hold-up changed: needed after a restart to flap and resolve right.
      write = Write.PUT;
    } else {
      write = Write.NONE;
    }
    return new Step(d.build(), event, write);
  }

  /**
   * Whether observing {@code o} would change nothing of the alert but its last-seen time, value and
   * annotations (no event, no write): a FIRING alert still active with no hold-up running, or a
   * RESOLVED or INACTIVE one still inactive, whose full flap history holds only that result (so the
   * push leaves it as it is and the change is 0), with the same rule details and a gap that teaches
   * nothing. Most observations of a known alert are such; {@link AlertTracker} then keeps its
   * record rather than making a new one.
   *
   * @param lastSeen the alert's last-seen time (newer than the record's after steady observations)
   */
  boolean steady(AlertRecord r, Instant lastSeen, Observation o) {
    int window = settings.flapping().window();
    FlapHistory h = r.history();
    long all = window >= 64 ? -1L : (1L << window) - 1;
    if (h.count() != window || h.bits() != (o.active() ? all : 0)) {
      return false;
    }
    boolean quiet =
        switch (r.state()) {
          case FIRING -> o.active() && r.falseSince() == null;
          case RESOLVED, INACTIVE -> !o.active();
          default -> false;
        };
    if (!quiet
        || !r.rule().equals(o.rule())
        || r.severity() != o.severity()
        || !r.forDuration().equals(o.forDuration())
        || !r.keepFiringFor().equals(o.keepFiringFor())
        || !(r.labels() == o.labels() || r.labels().equals(o.labels()))) {
      return false;
    }
    Duration gap = Duration.between(lastSeen, o.at());
    return !(gap.compareTo(r.maxGap()) > 0 && gap.compareTo(r.staleThreshold(settings)) <= 0);
  }

  /** The record after steady observations: its last-seen time, value and annotations replaced. */
  static AlertRecord seen(
      AlertRecord r, Instant lastSeen, Double value, Map<String, String> annotations) {
    return new AlertRecord(
        r.fingerprint(),
        r.rule(),
        r.labels(),
        r.severity(),
        r.forDuration(),
        r.keepFiringFor(),
        r.state(),
        r.pendingSince(),
        r.activeSince(),
        r.falseSince(),
        r.resolvedAt(),
        lastSeen,
        r.maxGap(),
        r.history(),
        value,
        annotations);
  }

  /** The timers at {@code now}: keep_firing_for expiry, staleness, forgetting resolved alerts. */
  Step tick(AlertRecord r, Instant now) {
    boolean stale = r.staleAt(now, settings);
    return switch (r.state()) {
      case FIRING -> {
        boolean heldUp = r.falseSince() != null && held(r.falseSince(), now, r.keepFiringFor());
        if (heldUp || stale) {
          Draft d = new Draft(r);
          AlertEvent e = resolve(d, now);
          yield new Step(d.build(), e, Write.PUT);
        }
        yield unchanged(r);
      }
      case FLAPPING -> {
        if (stale) {
          Draft d = new Draft(r);
          AlertEvent e = resolve(d, now);
          yield new Step(d.build(), e, Write.PUT);
        }
        yield unchanged(r);
      }
      case PENDING -> {
        if (stale) {
          Draft d = new Draft(r);
          d.pendingSince = null;
          yield new Step(null, move(d, INACTIVE, now), Write.DELETE);
        }
        yield unchanged(r);
      }
      case INACTIVE -> stale ? new Step(null, null, Write.NONE) : unchanged(r);
      case RESOLVED ->
          held(r.resolvedAt(), now, settings.resolvedRetention())
              ? new Step(null, null, Write.DELETE)
              : unchanged(r);
    };
  }

  /**
   * The event for moving {@code r} to {@code to} at {@code at}.
   *
   * @throws IllegalStateException when {@link AlertState} does not allow it (a bug)
   */
  static AlertEvent transition(AlertRecord r, AlertState to, Instant at) {
    r.state().moveTo(to);
    return new AlertEvent(
        r.fingerprint(),
        r.rule(),
        r.labels(),
        r.severity(),
        r.state(),
        to,
        at,
        to == PENDING || to == INACTIVE ? null : r.activeSince(),
        r.value(),
        r.annotations());
  }

  private static Step unchanged(AlertRecord r) {
    return new Step(r, null, Write.NONE);
  }

  /** Whether {@code since + length <= at}. */
  private static boolean held(Instant since, Instant at, Duration length) {
    return !since.plus(length).isAfter(at);
  }

  /** The condition became true: PENDING, or FIRING at once when {@code for} is 0. */
  private static AlertEvent start(Draft d, Instant at) {
    if (d.forDuration.isPositive()) {
      d.pendingSince = at;
      return move(d, PENDING, at);
    }
    d.activeSince = at;
    return move(d, FIRING, at);
  }

  private static AlertEvent resolve(Draft d, Instant at) {
    d.falseSince = null;
    d.resolvedAt = at;
    return move(d, RESOLVED, at);
  }

  private static AlertEvent move(Draft d, AlertState to, Instant at) {
    AlertEvent e = transition(d.build(), to, at);
    d.state = to;
    return e;
  }

  /** A mutable copy of a record while a step is worked out. */
  private static final class Draft {
    final String fingerprint;
    String rule;
    Labels labels;
    Severity severity;
    Duration forDuration;
    Duration keepFiringFor;
    AlertState state;
    Instant pendingSince;
    Instant activeSince;
    Instant falseSince;
    Instant resolvedAt;
    Instant lastSeen;
    Duration maxGap;
    FlapHistory history;
    Double value;
    Map<String, String> annotations;

    Draft(AlertRecord r) {
      fingerprint = r.fingerprint();
      rule = r.rule();
      labels = r.labels();
      severity = r.severity();
      forDuration = r.forDuration();
      keepFiringFor = r.keepFiringFor();
      state = r.state();
      pendingSince = r.pendingSince();
      activeSince = r.activeSince();
      falseSince = r.falseSince();
      resolvedAt = r.resolvedAt();
      lastSeen = r.lastSeen();
      maxGap = r.maxGap();
      history = r.history();
      value = r.value();
      annotations = r.annotations();
    }

    Draft(String fingerprint, Observation o) {
      this.fingerprint = fingerprint;
      state = INACTIVE;
      lastSeen = o.at();
      maxGap = Duration.ZERO;
      history = FlapHistory.EMPTY;
      takeDetails(o);
    }

    /** The rule may have been reloaded: the newest observation's details win. */
    void takeDetails(Observation o) {
      rule = o.rule();
      labels = o.labels();
      severity = o.severity();
      forDuration = o.forDuration();
      keepFiringFor = o.keepFiringFor();
      value = o.value();
      annotations = o.annotations();
    }

    AlertRecord build() {
      return new AlertRecord(
          fingerprint,
          rule,
          labels,
          severity,
          forDuration,
          keepFiringFor,
          state,
          pendingSince,
          activeSince,
          falseSince,
          resolvedAt,
          lastSeen,
          maxGap,
          history,
          value,
          annotations);
    }
  }
}
