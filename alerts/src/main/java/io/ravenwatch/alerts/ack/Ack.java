package io.ravenwatch.alerts.ack;

import io.ravenwatch.alerts.api.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone took an alert: it stops repeating until it resolves, its severity rises, or it flaps.
 *
 * @param fingerprint the alert
 * @param by who (a Discord user, "console", …)
 * @param note what they said, may be empty
 * @param at when
 * @param severity the alert's severity when acknowledged; a higher one voids the ack
 */
public record Ack(String fingerprint, String by, String note, Instant at, Severity severity) {
  public Ack {
    Objects.requireNonNull(fingerprint);
    Objects.requireNonNull(by);
    note = Objects.requireNonNullElse(note, "");
    Objects.requireNonNull(at);
    Objects.requireNonNull(severity);
  }
}
