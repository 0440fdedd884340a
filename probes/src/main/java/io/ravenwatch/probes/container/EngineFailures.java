package io.ravenwatch.probes.container;

/** Turns what a client library threw at an unreachable or refusing engine into a short reason. */
public final class EngineFailures {
  private EngineFailures() {}

  /** {@code what: the root cause's first line}, at most ~200 characters of it. */
  public static String describe(String what, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null || root.getMessage().isBlank()
            ? root.getClass().getSimpleName()
            : root.getMessage();
    String line = message.lines().findFirst().orElse("").strip();
    if (line.length() > 200) {
      line = line.substring(0, 200) + "…";
    }
    return what + ": " + line;
  }
}
