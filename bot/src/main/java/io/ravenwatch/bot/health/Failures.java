package io.ravenwatch.bot.health;

/** Short, secret-free descriptions of exceptions for check details. */
final class Failures {
  private static final int LIMIT = 300;

  private Failures() {}

  /**
   * The root cause's class and message, cut to a few hundred characters. Driver messages name hosts
   * and ports, not passwords; URLs are never added here.
   */
  static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String text =
        t.getMessage() == null
            ? t.getClass().getSimpleName()
            : t.getClass().getSimpleName() + ": " + t.getMessage();
    return text.length() <= LIMIT ? text : text.substring(0, LIMIT) + "…";
  }
}
