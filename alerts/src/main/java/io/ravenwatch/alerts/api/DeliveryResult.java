package io.ravenwatch.alerts.api;

import java.time.Duration;

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
   * @param retryAfter how long the receiver asked us to wait before the next attempt (HTTP 429
   *     {@code Retry-After}), or null to let the dispatcher's backoff decide
   */
  record Failed(String reason, boolean retryable, Duration retryAfter) implements DeliveryResult {

    /** A failure without a wait asked by the receiver. */
    public Failed(String reason, boolean retryable) {
      this(reason, retryable, null);
    }
  }

  static DeliveryResult delivered(String messageId) {
    return new Delivered(messageId == null ? "" : messageId);
  }

  static DeliveryResult retryLater(String reason) {
    return new Failed(reason, true);
  }

  /** A retryable failure where the receiver named how long to wait (e.g. HTTP 429). */
  static DeliveryResult retryAfter(String reason, Duration wait) {
    return new Failed(reason, true, wait);
  }

  static DeliveryResult rejected(String reason) {
    return new Failed(reason, false);
  }
}
