package io.ravenwatch.bot.chat;

/**
 * How a command answers the user who invoked it, on whatever chat it came from. Discord: the
 * interaction's reply, its follow-ups and edits of the original; the console: printed lines.
 */
public interface Reply {

  /** Sends the answer (or, after {@link #defer}, replaces the "thinking…" placeholder). */
  void send(ChatMessage message);

  /** Replaces what {@link #send} showed, e.g. a step-by-step progress report. */
  void edit(ChatMessage message);

  /**
   * Tells the client an answer is coming (Discord must hear back within 3 s). Called by the
   * dispatcher for slow commands; commands need not call it.
   */
  void defer(boolean ephemeral);

  /**
   * Tells the audit trail the state of what the action touched, before and after it ran (e.g.
   * {@code "web-1 running, restarts 3"} → {@code "web-1 running healthy, restarts 4"}). The
   * dispatcher stores it with the entry; chats ignore it.
   */
  default void recordState(String before, String after) {}
}
