package io.ravenwatch.alerts.store;

import io.ravenwatch.alerts.api.Notification;
import java.time.Instant;

/**
 * A notification in the outbox with its delivery state.
 *
 * @param notification the notification (its id is the outbox order)
 * @param attempts failed attempts so far
 * @param nextAttempt not before this time (null: now)
 * @param lastError the last failure, or null
 * @param deliveredAt when delivered, or null
 * @param messageId the receiver's id for it once delivered, or null
 * @param rejectedAt when the receiver refused it for good, or null
 */
public record OutboxEntry(
    Notification notification,
    int attempts,
    Instant nextAttempt,
    String lastError,
    Instant deliveredAt,
    String messageId,
    Instant rejectedAt) {

  public long id() {
    return notification.id();
  }

  public boolean delivered() {
    return deliveredAt != null;
  }
}
