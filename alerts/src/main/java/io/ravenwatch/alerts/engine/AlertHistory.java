package io.ravenwatch.alerts.engine;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.api.AlertEvent;
import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.lifecycle.AlertRecord;
import io.ravenwatch.probes.api.Point;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the alert engine's history to InfluxDB, so dashboards can graph open alerts and show every
 * transition as an annotation.
 *
 * <ul>
 *   <li>{@value #TRANSITIONS}: one point per transition, acknowledgement and escalation. Tags
 *       {@code alertname}, {@code severity}, {@code state} ({@code pending}, {@code firing}, {@code
 *       flapping}, {@code resolved}, {@code inactive}, {@code acked}, {@code escalated}), {@code
 *       fingerprint} and, when the alert has them, {@code source}, {@code region}, {@code group};
 *       fields {@code summary} (text for an annotation), {@code previous} (the state before), and
 *       {@code value}, {@code by}, {@code note} when known.
 *   <li>{@value #ACTIVE}: per severity (tag {@code severity}), written on every {@link #active}
 *       call: {@code firing} (firing or flapping), {@code flapping}, {@code pending}; zero counts
 *       too, so "no open alerts" is a value, not a gap.
 * </ul>
 *
 * Writing never throws into the engine: a failing sink is logged and the engine carries on.
 */
public final class AlertHistory {
  /** Transitions, acknowledgements and escalations. */
  public static final String TRANSITIONS = "ravenwatch_alerts";

  /** Open alerts by severity, written periodically. */
  public static final String ACTIVE = "ravenwatch_alerts_active";

  /** A history that keeps nothing (no InfluxDB): it builds no points either. */
  public static final AlertHistory NONE = new AlertHistory(null);

  private static final Logger logger = LoggerFactory.getLogger(AlertHistory.class);
  private static final List<String> COPIED_LABELS = List.of("source", "region", "group");

  private final Consumer<Collection<Point>> sink;

  /**
   * @param sink where points go, usually {@code InfluxWriter::write}; null: nowhere (see {@link
   *     #NONE})
   */
  public AlertHistory(Consumer<Collection<Point>> sink) {
    this.sink = sink;
  }

  /** Whether anything is kept; when not, no points are built (they would render annotations). */
  public boolean keeps() {
    return sink != null;
  }

  /** The committed transitions of one change. */
  public void transitions(List<AlertEvent> events) {
    if (!keeps()) {
      return;
    }
    var points = new ArrayList<Point>(events.size());
    for (AlertEvent e : events) {
      String summary = e.annotations().getOrDefault("summary", e.rule());
      points.add(
          base(e.at(), e.rule(), e.severity(), lower(e.to()), e.fingerprint(), e.labels())
              .field("summary", summary.isEmpty() ? e.rule() : summary)
              .field("previous", lower(e.from()))
              .field("value", e.value())
              .build());
    }
    write(points);
  }

  /**
   * Acknowledgements; {@code alerts} gives each acknowledged alert's rule and labels (it may lack
   * one that resolved meanwhile: the point then names only the fingerprint).
   */
  public void acknowledged(List<Ack> acks, Map<String, AlertRecord> alerts) {
    if (!keeps()) {
      return;
    }
    var points = new ArrayList<Point>(acks.size());
    for (Ack a : acks) {
      AlertRecord r = alerts.get(a.fingerprint());
      String rule = r == null ? "" : r.rule();
      String text = "acknowledged by " + a.by() + (a.note().isEmpty() ? "" : ": " + a.note());
      points.add(
          base(a.at(), rule, a.severity(), "acked", a.fingerprint(), r == null ? null : r.labels())
              .field("summary", (rule.isEmpty() ? a.fingerprint() : rule) + " " + text)
              .field("by", a.by())
              .field("note", a.note())
              .build());
    }
    write(points);
  }

  /** Alerts escalated (not acknowledged in time). */
  public void escalated(List<AlertSummary> alerts, Instant at) {
    if (!keeps()) {
      return;
    }
    var points = new ArrayList<Point>(alerts.size());
    for (AlertSummary a : alerts) {
      String summary = a.annotations().getOrDefault("summary", a.rule());
      points.add(
          base(at, a.rule(), a.severity(), "escalated", a.fingerprint(), a.labels())
              .field("summary", "escalated: " + summary)
              .field("previous", lower(a.state()))
              .field("value", a.value())
              .build());
    }
    write(points);
  }

  /** The open alerts at {@code now}, counted by severity. */
  public void active(Instant now, Collection<AlertRecord> alerts) {
    if (!keeps()) {
      return;
    }
    var firing = new EnumMap<Severity, Long>(Severity.class);
    var flapping = new EnumMap<Severity, Long>(Severity.class);
    var pending = new EnumMap<Severity, Long>(Severity.class);
    for (AlertRecord r : alerts) {
      if (r.state().active()) {
        firing.merge(r.severity(), 1L, Long::sum);
      }
      if (r.state() == AlertState.FLAPPING) {
        flapping.merge(r.severity(), 1L, Long::sum);
      }
      if (r.state() == AlertState.PENDING) {
        pending.merge(r.severity(), 1L, Long::sum);
      }
    }
    var points = new ArrayList<Point>();
    for (Severity s : Severity.values()) {
      points.add(
          Point.builder(ACTIVE, now)
              .tag("severity", lower(s))
              .field("firing", firing.getOrDefault(s, 0L))
              .field("flapping", flapping.getOrDefault(s, 0L))
              .field("pending", pending.getOrDefault(s, 0L))
              .build());
    }
    write(points);
  }

  private static Point.Builder base(
      Instant at, String rule, Severity severity, String state, String fingerprint, Labels labels) {
    var p =
        Point.builder(TRANSITIONS, at)
            .tag("alertname", rule)
            .tag("severity", lower(severity))
            .tag("state", state)
            .tag("fingerprint", fingerprint);
    if (labels != null) {
      COPIED_LABELS.forEach(name -> p.tag(name, labels.get(name)));
    }
    return p;
  }

  private void write(List<Point> points) {
    if (points.isEmpty()) {
      return;
    }
    try {
      sink.accept(points);
    } catch (RuntimeException e) {
      logger.warn("Could not write {} alert history point(s): {}", points.size(), e.toString());
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
