package io.ravenwatch.alerts.api;

/**
 * Delivers notifications somewhere people see them: the console, a webhook, Discord. One class per
 * kind of receiver, registered in the notifier registry. Called by the outbox dispatcher, one
 * notification at a time per receiver, in outbox order; a failure is returned, not thrown, and the
 * dispatcher retries it later.
 */
public interface Notifier {

  /**
   * Delivers one notification.
   *
   * @param notification what to send
   * @param replyToMessageId the id this receiver returned for {@link Notification#replyTo()}, when
   *     there is one (so a resolve can edit or thread under the message that announced the
   *     incident), else null
   * @return the receiver's id for what it created (a message id), or why it failed
   */
  DeliveryResult deliver(Notification notification, String replyToMessageId)
      throws InterruptedException;
}
