package io.ravenwatch.bot.console;

import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ResultListener;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints each probe's first result and every change of its status to the console, so a newcomer
 * sees Ravenwatch work at once without being flooded by every poll.
 */
public final class ResultPrinter implements ResultListener {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final PrintStream out;
  private final Map<String, ProbeResult.Status> last = new ConcurrentHashMap<>();

  public ResultPrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onResult(ProbeResult r) {
    ProbeResult.Status before = last.put(r.target() + "/" + r.probe(), r.status());
    if (before != r.status()) {
      String change = before == null ? "" : " (was " + before + ")";
      out.println(TIME.format(r.time()) + "  " + format(r) + change);
    }
  }

  /** One line: target/probe, status, duration, the reason when not OK, the number of points. */
  public static String format(ProbeResult r) {
    var sb = new StringBuilder();
    sb.append(
        String.format(
            "%-32s %-9s %8.1f ms",
            r.target() + "/" + r.probe(), r.status(), r.elapsed().toNanos() / 1e6));
    sb.append("  ").append(r.points().size()).append(" point(s)");
    if (!r.reason().isEmpty()) {
      sb.append("  — ").append(r.reason());
    }
    return sb.toString();
  }
}
