package io.ravenwatch.alerts.notify;

import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notifier;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Prints notifications as a few lines of plain text: for a terminal, a log, or trying rules out
 * before a chat is set up.
 *
 * <pre>
 * [FIRING] CRITICAL {alertname=HostDown, region=eu} #42
 *   - web1: web1 does not answer (value 1)
 *   suppressed: 3 (cause: switch1)
 *   mention: @oncall
 * </pre>
 *
 * <p>Its message id is {@code console-<outbox id>}, so a resolve can name what it answers.
 */
public final class ConsoleNotifier implements Notifier {

  /** The console receiver takes no settings. */
  public record Settings() {}

  /** {@code type: console}. */
  public static final NotifierType<Settings> TYPE =
      new NotifierType<>(
          "console", Settings.class, (name, settings, res) -> new ConsoleNotifier(res.console()));

  private final PrintStream out;

  public ConsoleNotifier(PrintStream out) {
    this.out = Objects.requireNonNull(out);
  }

  @Override
  public DeliveryResult deliver(Notification n, String replyToMessageId) {
    String text = render(n, replyToMessageId);
    // One print call per notification, so lines of two receivers never interleave.
    out.print(text);
    out.flush();
    if (out.checkError()) {
      return DeliveryResult.retryLater("the console stream reported an error");
    }
    return DeliveryResult.delivered("console-" + n.id());
  }

  /** The text printed for a notification, ending with a line break. */
  static String render(Notification n, String replyToMessageId) {
    var sb = new StringBuilder();
    sb.append('[').append(n.kind()).append("] ").append(n.severity());
    sb.append(' ').append(n.groupLabels()).append(" #").append(n.id());
    if (replyToMessageId != null) {
      sb.append(" (re ").append(replyToMessageId).append(')');
    }
    sb.append('\n');
    for (AlertSummary a : n.alerts()) {
      sb.append("  - ").append(a.target().isEmpty() ? a.rule() : a.target()).append(": ");
      String summary = a.annotations().getOrDefault("summary", "");
      sb.append(summary.isEmpty() ? a.rule() : summary);
      if (a.value() != null) {
        sb.append(" (value ").append(formatValue(a.value())).append(')');
      }
      if (a.state() != null && !a.state().active()) {
        sb.append(" [").append(a.state().name().toLowerCase(Locale.ROOT)).append(']');
      }
      if (a.ackedBy() != null) {
        sb.append(" [acked by ").append(a.ackedBy()).append(']');
      }
      sb.append('\n');
    }
    if (n.suppressed() > 0) {
      sb.append("  suppressed: ").append(n.suppressed());
      if (!n.cause().isEmpty()) {
        sb.append(" (cause: ").append(n.cause()).append(')');
      }
      sb.append('\n');
    }
    if (!n.mention().isEmpty()) {
      sb.append("  mention: ").append(n.mention()).append('\n');
    }
    return sb.toString();
  }

  private static String formatValue(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.4g", v);
  }
}
