package io.ravenwatch.bot.action.failover.step;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program with a fixed argument list (no shell, nothing interpolated), secrets passed in its
 * environment only, within a time limit; secrets are blanked out of what it printed.
 */
public final class Processes {
  private static final int KEEP = 2000;

  private Processes() {}

  /**
   * What a run ended with.
   *
   * @param exitCode its exit code, or -1 when it timed out or could not start
   * @param output stdout and stderr together (at most the last 2,000 characters), secrets blanked
   * @param problem why it did not run to an end (empty when it did)
   */
  public record Run(int exitCode, String output, String problem) {
    /** The last non-blank line printed, for a short report. */
    public String lastLine() {
      List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
      return lines.isEmpty() ? "" : lines.getLast().strip();
    }
  }

  /**
   * Runs {@code argv} with {@code env} added to the environment.
   *
   * @param secrets values to blank out of the output
   */
  public static Run run(
      List<String> argv, Map<String, String> env, Collection<String> secrets, Duration timeout)
      throws InterruptedException {
    var pb = new ProcessBuilder(argv).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Run(-1, "", "cannot run " + argv.getFirst() + ": " + e.getMessage());
    }
    closeQuietly(p);
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return "";
              }
            },
            Thread::startVirtualThread);
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(p);
        return new Run(-1, blank(out.getNow(""), secrets), "did not finish within " + timeout);
      }
      String output = out.get(5, TimeUnit.SECONDS);
      return new Run(p.exitValue(), blank(output, secrets), "");
    } catch (InterruptedException e) {
      kill(p);
      throw e;
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return new Run(p.exitValue(), "", "");
    }
  }

  private static void closeQuietly(Process p) {
    try {
      p.getOutputStream().close(); // nothing to say: a program waiting for input sees EOF
    } catch (IOException ignored) {
      // it exited already
    }
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private static String blank(String output, Collection<String> secrets) {
    String s = output;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        s = s.replace(secret, "****");
      }
    }
    return s.length() > KEEP ? s.substring(s.length() - KEEP) : s;
  }
}
