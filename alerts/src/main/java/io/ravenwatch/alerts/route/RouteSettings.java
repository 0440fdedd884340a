package io.ravenwatch.alerts.route;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.Validatable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How alert events become notifications: who receives them, how alerts are grouped and how often a
 * group may speak. The {@code alerts.route} section of the configuration:
 *
 * <pre>{@code
 * route:
 *   receivers: [discord]
 *   group_by: [alertname, region]
 *   group_wait: 5s
 *   group_interval: 1m
 *   repeat_interval: 4h
 *   escalation: {after: 15m, receiver: discord-oncall, mention: "<@&123456>"}
 *   resolve_notify: true
 *   recovery_grace: 1m
 *   down_label: down
 * }</pre>
 *
 * @param receivers the notifiers every notification goes to
 * @param groupBy the labels whose values make a group
 * @param groupWait how long the first alert of a new group waits for others before the first
 *     notification (0: notified in the same transaction as the transition)
 * @param groupInterval the least time between two notifications about changes of one group
 * @param repeatInterval a firing, unacknowledged group is reminded after this long
 * @param escalation who is called in when a critical alert is not acknowledged in time
 * @param resolveNotify whether a group whose alerts all resolved gets a RESOLVED notification
 * @param recoveryGrace dependents of a target that recovered stay suppressed this long, so that
 *     hosts behind a switch that came back resolve quietly instead of being announced
 * @param downLabel an active alert whose label of this name is {@code "true"} says its target is
 *     down (the default host-down and SNMP-unreachable rules carry {@code down: "true"})
 */
public record RouteSettings(
    @Default("[console]") List<String> receivers,
    @Default("[alertname, region]") List<String> groupBy,
    @Default("5s") Duration groupWait,
    @Default("1m") Duration groupInterval,
    @Default("4h") Duration repeatInterval,
    @Default("{}") Escalation escalation,
    @Default("true") boolean resolveNotify,
    @Default("1m") Duration recoveryGrace,
    @Default("down") String downLabel)
    implements Validatable {

  /**
   * Escalation of unacknowledged critical alerts.
   *
   * @param after how long after a critical alert was first notified, unacknowledged
   * @param receiver the notifier to escalate to; empty: the route's receivers
   * @param mention who to call in, e.g. a Discord role mention {@code <@&123>}; may be empty
   */
  public record Escalation(
      @Default("15m") Duration after,
      @Default("\"\"") String receiver,
      @Default("\"\"") String mention) {
    public static final Escalation DEFAULT = new Escalation(Duration.ofMinutes(15), "", "");

    public Escalation {
      receiver = Objects.requireNonNullElse(receiver, "");
      mention = Objects.requireNonNullElse(mention, "");
    }
  }

  /** The defaults, as an empty {@code route:} section gives them. */
  public static final RouteSettings DEFAULT =
      new RouteSettings(
          List.of("console"),
          List.of("alertname", "region"),
          Duration.ofSeconds(5),
          Duration.ofMinutes(1),
          Duration.ofHours(4),
          Escalation.DEFAULT,
          true,
          Duration.ofMinutes(1),
          "down");

  public RouteSettings {
    receivers = receivers == null ? List.of() : List.copyOf(receivers);
    groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
    escalation = Objects.requireNonNullElse(escalation, Escalation.DEFAULT);
    downLabel = Objects.requireNonNullElse(downLabel, "down");
  }

  @Override
  public void validate(ConfigProblems problems) {
    if (receivers.isEmpty()) {
      problems.report("receivers", "at least one notifier name", receivers);
    }
    nonNegative(problems, "group_wait", groupWait);
    positive(problems, "group_interval", groupInterval);
    positive(problems, "repeat_interval", repeatInterval);
    positive(problems, "escalation.after", escalation.after());
    nonNegative(problems, "recovery_grace", recoveryGrace);
  }

  /** The receivers an escalation goes to. */
  public List<String> escalationReceivers() {
    return escalation.receiver().isEmpty() ? receivers : List.of(escalation.receiver());
  }

  // Builders for tests and wiring: settings differ from the defaults in one or two values.
  public RouteSettings withGroupWait(Duration d) {
    return new RouteSettings(
        receivers,
        groupBy,
        d,
        groupInterval,
        repeatInterval,
        escalation,
        resolveNotify,
        recoveryGrace,
        downLabel);
  }

  public RouteSettings withReceivers(List<String> r) {
    return new RouteSettings(
        r,
        groupBy,
        groupWait,
        groupInterval,
        repeatInterval,
        escalation,
        resolveNotify,
        recoveryGrace,
        downLabel);
  }

  public RouteSettings withEscalation(Escalation e) {
    return new RouteSettings(
        receivers,
        groupBy,
        groupWait,
        groupInterval,
        repeatInterval,
        e,
        resolveNotify,
        recoveryGrace,
        downLabel);
  }

  private static void nonNegative(ConfigProblems problems, String key, Duration d) {
    if (d != null && d.isNegative()) {
      problems.report(key, "a duration of 0 or more", d);
    }
  }

  private static void positive(ConfigProblems problems, String key, Duration d) {
    if (d != null && (d.isNegative() || d.isZero())) {
      problems.report(key, "a duration above 0", d);
    }
  }
}
