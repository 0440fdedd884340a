package io.ravenwatch.bot.chat;

/** Bad input or a refused request: its message is shown to the user as a short ephemeral reply. */
public final class CommandException extends Exception {
  private static final long serialVersionUID = 1L;

  public CommandException(String userMessage) {
    super(userMessage, null, false, false);
  }
}
