package io.ravenwatch.bot.discord.alert;

import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entries of an incident's thread, one per notification: fired, repeat, update (joined and
 * resolved alerts), acknowledged (by whom, with the note), escalated (with the mention), flapping,
 * resolved. Plain text within Discord's 2,000 characters; lists end with "+N more".
 */
final class Timeline {
  /** Discord's limit on a message's content, less room for the time stamp. */
  private static final int CONTENT = 1900;

  private Timeline() {}

  /**
   * The entry of a notification.
   *
   * @param known the fingerprints the incident showed before this notification, or null when not
   *     known (after a restart): then joined alerts are not told apart
   * @param mention the role mention of an escalation, or empty
   * @param start when the incident started (for the resolve's duration)
   */
  static String entry(Notification n, Set<String> known, String mention, Instant start) {
    String when = "<t:" + n.createdAt().getEpochSecond() + ":T> ";
    String body =
        switch (n.kind()) {
          case FIRING ->
              "🔥 **Fired**: "
                  + count(n.alerts().size())
                  + (n.suppressed() > 0
                      ? " (" + n.suppressed() + " dependent alerts suppressed)"
                      : "")
                  + "\n"
                  + list(n.alerts(), CONTENT - 100);
          case REPEAT ->
              "🔁 **Still firing**, not acknowledged: "
                  + count(n.alerts().size())
                  + "\n"
                  + list(n.alerts(), CONTENT - 100);
          case UPDATE -> update(n, known);
          case FLAPPING -> "〰️ **Flapping**: " + list(flapping(n), CONTENT - 100);
          case ESCALATION ->
              "📣 **Escalated**"
                  + (mention.isEmpty() ? "" : " to " + mention)
                  + ": "
                  + count(n.alerts().size())
                  + " unacknowledged\n"
                  + list(n.alerts(), CONTENT - 200);
          case ACKNOWLEDGED -> acknowledged(n);
          case RESOLVED ->
              "✅ **Resolved** after "
                  + Format.duration(Duration.between(start, n.createdAt()))
                  + "\n"
                  + list(n.alerts(), CONTENT - 100);
        };
    return Limits.cut(when + body, CONTENT);
  }

  private static String update(Notification n, Set<String> known) {
    var joined = new ArrayList<AlertSummary>();
    var resolved = new ArrayList<AlertSummary>();
    int firing = 0;
    for (AlertSummary a : n.alerts()) {
      if (a.state() == AlertState.RESOLVED) {
        resolved.add(a);
      } else {
        firing++;
        if (known != null && !known.contains(a.fingerprint())) {
          joined.add(a);
        }
      }
    }
    var out = new StringBuilder("🔄 **Update**: ").append(count(firing)).append(" firing");
    int room = (CONTENT - 200) / 2;
    if (!joined.isEmpty()) {
      out.append("\nJoined:\n").append(list(joined, room));
    }
    if (!resolved.isEmpty()) {
      out.append("\nResolved:\n").append(list(resolved, room));
    }
    return out.toString();
  }

  private static List<AlertSummary> flapping(Notification n) {
    List<AlertSummary> f =
        n.alerts().stream().filter(a -> a.state() == AlertState.FLAPPING).toList();
    return f.isEmpty() ? n.alerts() : f;
  }

  private static String acknowledged(Notification n) {
    // Who acked what, with the note: one paragraph per person and note.
    Map<String, List<AlertSummary>> byAck = new LinkedHashMap<>();
    for (AlertSummary a : n.alerts()) {
      String by = a.ackedBy() == null ? "someone" : a.ackedBy();
      String note = a.annotations().getOrDefault("ack_note", "");
      byAck.computeIfAbsent(by + "\u0000" + note, k -> new ArrayList<>()).add(a);
    }
    var out = new StringBuilder();
    int room = (CONTENT - 100) / Math.max(1, Math.min(byAck.size(), 4));
    byAck.forEach(
        (key, alerts) -> {
          String[] parts = key.split("\u0000", 2);
          out.append(out.isEmpty() ? "" : "\n")
              .append("✋ **Acknowledged** by ")
              .append(Limits.cut(parts[0], 80))
              .append(": ")
              .append(count(alerts.size()));
          if (parts.length > 1 && !parts[1].isBlank()) {
            out.append("\n> ").append(Limits.cut(parts[1].strip().replace("\n", " "), 500));
          }
          out.append("\n").append(list(alerts, Math.max(50, room - 600)));
        });
    return out.toString();
  }

  private static String list(List<AlertSummary> alerts, int max) {
    return Limits.lines(alerts.stream().map(AlertCard::line).toList(), Math.max(20, max));
  }

  private static String count(int n) {
    return n + " alert" + (n == 1 ? "" : "s");
  }
}
