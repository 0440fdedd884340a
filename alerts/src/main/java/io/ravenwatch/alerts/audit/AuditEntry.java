package io.ravenwatch.alerts.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One line of the audit trail: who did what through a chat (a slash command, a button press, a
 * confirmation), with their roles at that moment, and how it ended. Written to the store, the audit
 * channel and InfluxDB (as an annotation).
 *
 * <pre>{@code
 * var entry = AuditEntry.of(now, "1234…", "alice", List.of("42…"), "/silence add",
 *         Map.of("matcher", "source=web1"), Outcome.OK, "silence s-1 added", Duration.ofMillis(40));
 * store.appendAudit(entry);
 * }</pre>
 *
 * @param id the store's id (0 until stored); grows in the order entries are appended
 * @param at when it ended (or, for {@link Outcome#PLANNED}, when the plan was shown)
 * @param callerId the chat user id ({@code console} for the local operator)
 * @param callerName the user's display name at that moment
 * @param roles the user's role ids at that moment, sorted
 * @param action what was done: {@code /silence add}, {@code button ack}, …
 * @param parameters the options as given (commands never take secrets), sorted by name
 * @param before the state before, when the action reports it; may be null
 * @param after the state after, when the action reports it; may be null
 * @param outcome how it ended
 * @param detail a short human explanation (a refusal's reason, a result); may be empty
 * @param errorId the id of the ERROR log line when a bug failed it; may be null
 * @param duration how long it ran (zero when it did not run)
 */
public record AuditEntry(
    long id,
    Instant at,
    String callerId,
    String callerName,
    List<String> roles,
    String action,
    Map<String, String> parameters,
    String before,
    String after,
    Outcome outcome,
    String detail,
    String errorId,
    Duration duration) {

  /** How an action ended. */
  public enum Outcome {
    /** It ran and succeeded. */
    OK,
    /** The caller lacked the permission, or was not the one who may confirm. */
    REFUSED,
    /** Bad input or a bug (then with an error id). */
    FAILED,
    /** A destructive action's plan was shown; it waits for the same user's confirmation. */
    PLANNED,
    /** The user cancelled a planned action. */
    CANCELLED,
    /** The confirmation came too late. */
    EXPIRED
  }

  public AuditEntry {
    Objects.requireNonNull(at);
    Objects.requireNonNull(callerId);
    Objects.requireNonNull(callerName);
    roles = roles.stream().sorted().toList();
    Objects.requireNonNull(action);
    parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    Objects.requireNonNull(outcome);
    detail = Objects.requireNonNullElse(detail, "");
    duration = Objects.requireNonNullElse(duration, Duration.ZERO);
  }

  /** An entry without before/after state and error id, not yet stored. */
  public static AuditEntry of(
      Instant at,
      String callerId,
      String callerName,
      List<String> roles,
      String action,
      Map<String, String> parameters,
      Outcome outcome,
      String detail,
      Duration duration) {
    return new AuditEntry(
        0,
        at,
        callerId,
        callerName,
        roles,
        action,
        parameters,
        null,
        null,
        outcome,
        detail,
        null,
        duration);
  }

  /** The same entry with the store's id. */
  public AuditEntry withId(long newId) {
    return new AuditEntry(
        newId,
        at,
        callerId,
        callerName,
        roles,
        action,
        parameters,
        before,
        after,
        outcome,
        detail,
        errorId,
        duration);
  }

  /** The same entry with the error id of its log line. */
  public AuditEntry withErrorId(String newErrorId) {
    return new AuditEntry(
        id,
        at,
        callerId,
        callerName,
        roles,
        action,
        parameters,
        before,
        after,
        outcome,
        detail,
        newErrorId,
        duration);
  }

  /** The same entry with the state before and after the action. */
  public AuditEntry withState(String newBefore, String newAfter) {
    return new AuditEntry(
        id,
        at,
        callerId,
        callerName,
        roles,
        action,
        parameters,
        newBefore,
        newAfter,
        outcome,
        detail,
        errorId,
        duration);
  }
}
