package io.ravenwatch.alerts.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message about one group of alerts to one receiver, as it sits in the outbox.
 *
 * @param id the outbox id (its order); 0 before the store assigned one
 * @param receiver the notifier it goes to (a name from the configuration)
 * @param kind why it is sent
 * @param groupKey the group's identity (fingerprint of its group labels)
 * @param groupLabels the labels the group is made of (e.g. alertname, region)
 * @param severity the worst severity among its alerts
 * @param alerts the alerts it is about, worst first
 * @param suppressed how many dependents are suppressed because of this group's alerts
 * @param cause for suppressed dependents: what they depend on that is down (e.g. "switch1"), or
 *     empty
 * @param mention who to call in (escalation), or empty
 * @param replyTo the outbox id of the notification that opened this incident for this receiver, or
 *     null for the first one: a resolve edits or threads under that one
 * @param createdAt when it was made
 */
public record Notification(
    long id,
    String receiver,
    Kind kind,
    String groupKey,
    Labels groupLabels,
    Severity severity,
    List<AlertSummary> alerts,
    int suppressed,
    String cause,
    String mention,
    Long replyTo,
    Instant createdAt) {

  /** Why a notification is sent. */
  public enum Kind {
    /** New alerts are firing in the group. */
    FIRING,
    /** Still firing, not acknowledged: a reminder after repeat_interval. */
    REPEAT,
    /** The group's alerts changed (some resolved, others still firing) */
    UPDATE,
    /** Every alert of the group is resolved. */
    RESOLVED,
    /** An alert started flapping (notified once until it settles). */
    FLAPPING,
    /** A critical alert was not acknowledged in time. */
    ESCALATION,
    /** Someone acknowledged the alerts. */
    ACKNOWLEDGED
  }

  public Notification {
    Objects.requireNonNull(receiver);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(groupKey);
    Objects.requireNonNull(groupLabels);
    Objects.requireNonNull(severity);
    alerts = List.copyOf(alerts);
    cause = Objects.requireNonNullElse(cause, "");
    mention = Objects.requireNonNullElse(mention, "");
    Objects.requireNonNull(createdAt);
  }

  /** This notification with the id the outbox gave it. */
  public Notification withId(long newId) {
    return new Notification(
        newId,
        receiver,
        kind,
        groupKey,
        groupLabels,
        severity,
        alerts,
        suppressed,
        cause,
        mention,
        replyTo,
        createdAt);
  }
}
