package io.ravenwatch.bot.chat;

/**
 * The custom ids of buttons, which come back when a button is pressed: {@code
 * cmd:<command>:<payload>} for a command's own buttons (the command owns the payload's format, e.g.
 * {@code cmd:silence:<fingerprint>:4h}) and {@code confirm:<token>} / {@code cancel:<token>} for
 * the dispatcher's confirmations. Discord keeps at most 100 characters.
 *
 * <pre>{@code
 * Button ack = Button.of(ButtonIds.command("ack", fingerprint), "Acknowledge", Style.PRIMARY);
 * }</pre>
 */
public final class ButtonIds {
  /** Discord's limit on a custom id. */
  public static final int MAX_LENGTH = 100;

  static final String COMMAND = "cmd:";
  static final String CONFIRM = "confirm:";
  static final String CANCEL = "cancel:";

  private ButtonIds() {}

  /**
   * The id of a button routed to {@code command}'s {@link Command#onButton} with {@code payload}.
   *
   * @throws IllegalArgumentException when it would be longer than {@value #MAX_LENGTH} characters
   */
  public static String command(String command, String payload) {
    return checked(COMMAND + command + ":" + payload);
  }

  /** The id of a plan's Confirm button. */
  public static String confirm(String token) {
    return checked(CONFIRM + token);
  }

  /** The id of a plan's Cancel button. */
  public static String cancel(String token) {
    return checked(CANCEL + token);
  }

  private static String checked(String id) {
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a button id has at most " + MAX_LENGTH + " characters: " + id);
    }
    return id;
  }
}
