package io.ravenwatch.alerts.api;

/** The outcome of one delivery attempt: failures are data, retried by the dispatcher. */
public sealed interface DeliveryResult {

  /** Delivered; {@code messageId} is the receiver's id for it (may be empty). */
  record Delivered(String messageId) implements DeliveryResult {}

  /**
   * Not delivered.
   *
   * @param reason what went wrong, for the log
   * @param retryable false when trying again cannot help (e.g. the receiver rejects the payload);
   *     such a notification is marked failed and skipped, so it never blocks the ones behind it
   */
  record Failed(String reason, boolean retryable) implements DeliveryResult {}

  static DeliveryResult delivered(String messageId) {
    return new Delivered(messageId == null ? "" : messageId);
  }

  static DeliveryResult retryLater(String reason) {
    return new Failed(reason, true);
  }

  static DeliveryResult rejected(String reason) {
    return new Failed(reason, false);
  }
}
