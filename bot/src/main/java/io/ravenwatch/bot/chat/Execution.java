package io.ravenwatch.bot.chat;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.bot.chat.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one command handler or button handler for the {@link CommandDispatcher}: defers first when
 * it is slow, answers "Done." when the handler said nothing, turns a {@link CommandException} into
 * its short ephemeral reason and anything else into an error id (logged at ERROR with the stack
 * trace), and audits the outcome with the duration.
 */
final class Execution {
  private static final Logger logger = LoggerFactory.getLogger(Execution.class);

  /** What runs: a command's {@code handle}, or its {@code onButton} through the invocation. */
  @FunctionalInterface
  interface Body {
    void run(Invocation invocation) throws CommandException, InterruptedException;
  }

  private final AuditLog audit;
  private final Clock clock;

  Execution(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  void run(
      Caller caller,
      String action,
      Map<String, String> params,
      Reply reply,
      boolean slow,
      String okDetail,
      Instant start,
      Body body,
      Invocation invocation) {
    var tracking = new TrackingReply(reply);
    var tracked =
        new Invocation(
            invocation.caller(),
            invocation.command(),
            invocation.subcommand(),
            invocation.options(),
            tracking);
    try {
      if (slow) {
        tracking.defer(false);
      }
      body.run(tracked);
      if (!tracking.answered()) {
        // Discord shows "the application did not respond" (or thinks forever) otherwise.
        tracking.send(ChatMessage.ephemeral("Done."));
      }
      record(caller, action, params, Outcome.OK, okDetail, null, start, tracking);
    } catch (CommandException e) {
      safely(tracking, ChatMessage.ephemeral(e.getMessage()));
      record(caller, action, params, Outcome.FAILED, e.getMessage(), null, start, tracking);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      safely(
          tracking, ChatMessage.ephemeral("Ravenwatch is stopping: " + action + " was cut short."));
      record(
          caller,
          action,
          params,
          Outcome.FAILED,
          "interrupted: Ravenwatch stopping",
          null,
          start,
          tracking);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      bug(caller, action, params, tracking, start, e);
    }
  }

  /** A bug: an error id in the chat and the audit, the stack trace in the log only. */
  void bug(
      Caller caller,
      String action,
      Map<String, String> params,
      Reply reply,
      Instant start,
      Throwable e) {
    String id = ErrorIds.next();
    MDC.put("errorId", id);
    MDC.put("user", caller.name());
    try {
      logger.error("{} by {} failed (error id {})", action, caller.name(), id, e);
    } finally {
      MDC.remove("errorId");
      MDC.remove("user");
    }
    safely(
        reply,
        ChatMessage.ephemeral(
            "Something went wrong (error id " + id + "). The details are in Ravenwatch's log."));
    record(caller, action, params, Outcome.FAILED, "bug", id, start, reply);
  }

  /** Sends, logging instead of throwing: the reply channel itself may be broken. */
  static void safely(Reply reply, ChatMessage message) {
    try {
      reply.send(message);
    } catch (RuntimeException e) {
      logger.warn("could not answer: {}", e.toString());
    }
  }

  /** Audits an outcome, timed from {@code start}. */
  void record(
      Caller caller,
      String action,
      Map<String, String> params,
      Outcome outcome,
      String detail,
      String errorId,
      Instant start) {
    record(caller, action, params, outcome, detail, errorId, start, null);
  }

  /** Audits an outcome with the state the handler reported through a tracking reply. */
  private void record(
      Caller caller,
      String action,
      Map<String, String> params,
      Outcome outcome,
      String detail,
      String errorId,
      Instant start,
      Reply reply) {
    String before = reply instanceof TrackingReply t ? t.before : null;
    String after = reply instanceof TrackingReply t ? t.after : null;
    Instant now = clock.instant();
    audit.record(
        AuditEntry.of(
                now,
                caller.id(),
                caller.name(),
                List.copyOf(caller.roleIds()),
                action,
                params,
                outcome,
                detail,
                Duration.between(start, now))
            .withErrorId(errorId)
            .withState(before, after));
  }

  /** Remembers whether the handler answered. */
  private static final class TrackingReply implements Reply {
    private final Reply reply;
    private volatile boolean answered;
    private volatile String before;
    private volatile String after;

    TrackingReply(Reply reply) {
      this.reply = reply;
    }

    boolean answered() {
      return answered;
    }

    @Override
    public void send(ChatMessage message) {
      answered = true;
      reply.send(message);
    }

    @Override
    public void edit(ChatMessage message) {
      answered = true;
      reply.edit(message);
    }

    @Override
    public void defer(boolean ephemeral) {
      reply.defer(ephemeral);
    }

    @Override
    public void recordState(String stateBefore, String stateAfter) {
      before = stateBefore;
      after = stateAfter;
    }
  }
}
