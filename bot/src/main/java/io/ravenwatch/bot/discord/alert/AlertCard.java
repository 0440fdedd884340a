package io.ravenwatch.bot.discord.alert;

import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The incident message of one alert group: an embed coloured by severity (green once resolved)
 * about the worst alert — target, value, threshold, since, labels, runbook — with the other alerts
 * listed worst first and "+N more" past what Discord takes, and the alert buttons while it fires.
 *
 * <p>Every text is cut to Discord's limits here (title 256, description 4,096, field 1,024, at most
 * 25 fields, 6,000 characters in all), so a big group can never make Discord refuse the message.
 */
final class AlertCard {
  /** Room kept below Discord's 6,000 for the footer and rounding. */
  private static final int TOTAL_BUDGET = Limits.TOTAL - 200;

  private static final Set<String> HIDDEN_LABELS = Set.of("alertname", "severity", "source");

  private AlertCard() {}

  /** The message of a firing group (FIRING, UPDATE, FLAPPING). */
  static MessageEmbed firing(Notification n, Instant start, String status) {
    List<AlertSummary> active = n.alerts().stream().filter(a -> a.state().active()).toList();
    List<AlertSummary> shown = active.isEmpty() ? n.alerts() : active;
    AlertSummary worst = shown.getFirst();
    var embed = new EmbedBuilder().setColor(Format.color(n.severity()));
    String title = Format.icon(n.severity()) + " " + groupName(n) + " — " + summary(worst);
    embed.setTitle(Limits.cut(title, Limits.TITLE));
    var head = new StringBuilder();
    String description = worst.annotations().getOrDefault("description", "");
    if (!description.isBlank()) {
      head.append(Limits.cut(description.strip(), 1000)).append("\n\n");
    }
    if (n.suppressed() > 0) {
      head.append("⛓️ **")
          .append(Limits.cut(n.cause().isEmpty() ? "a dependency" : n.cause(), 200))
          .append("** is down — ")
          .append(n.suppressed())
          .append(" dependent alert")
          .append(n.suppressed() == 1 ? "" : "s")
          .append(" suppressed\n\n");
    }
    List<MessageEmbed.Field> fields = fields(worst, false);
    fill(embed, head.toString(), shown, fields, status, n.alerts().size() - shown.size());
    return embed.setTimestamp(start).build();
  }

  /** The message once every alert resolved: green, with how long it lasted. */
  static MessageEmbed resolved(Notification n, Instant start, String status) {
    AlertSummary worst = n.alerts().isEmpty() ? null : n.alerts().getFirst();
    var embed = new EmbedBuilder().setColor(Format.GREEN);
    String title = "✅ Resolved: " + groupName(n) + (worst == null ? "" : " — " + summary(worst));
    embed.setTitle(Limits.cut(title, Limits.TITLE));
    Instant end = n.createdAt();
    String head =
        "**Resolved after "
            + Format.duration(Duration.between(start, end))
            + "** (<t:"
            + start.getEpochSecond()
            + ":f> → <t:"
            + end.getEpochSecond()
            + ":f>)\n\n";
    List<MessageEmbed.Field> fields = worst == null ? List.of() : fields(worst, true);
    fill(embed, head, n.alerts(), fields, status, 0);
    return embed.setTimestamp(start).build();
  }

  /** The buttons of a firing incident: acknowledge, silence, graph, runbook. */
  static List<ActionRow> buttons(Notification n) {
    List<AlertSummary> active = n.alerts().stream().filter(a -> a.state().active()).toList();
    if (active.isEmpty()) {
      return List.of();
    }
    return AlertButtons.of(n, active.getFirst(), active.size());
  }

  /** "alertname · region" from the group labels, or the worst alert's rule. */
  static String groupName(Notification n) {
    var parts = new ArrayList<String>();
    String name = n.groupLabels().get("alertname");
    if (name == null && !n.alerts().isEmpty()) {
      name = n.alerts().getFirst().rule();
    }
    if (name != null) {
      parts.add(name);
    }
    n.groupLabels().map().entrySet().stream()
        .filter(e -> !e.getKey().equals("alertname"))
        .forEach(e -> parts.add(e.getValue()));
    return parts.isEmpty() ? "alerts" : String.join(" · ", parts);
  }

  /** The alert's summary annotation, else its rule on its target. */
  static String summary(AlertSummary a) {
    String s = a.annotations().get("summary");
    if (s != null && !s.isBlank()) {
      return s.strip();
    }
    return a.rule() + (a.target().isEmpty() ? "" : " on " + a.target());
  }

  /** The earliest {@code since} of the alerts, else the notification's time. */
  static Instant start(Notification n) {
    return n.alerts().stream()
        .map(AlertSummary::since)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .orElse(n.createdAt());
  }

  /** One line of the alert list: icon, target, summary, value. */
  static String line(AlertSummary a) {
    String value = value(a);
    return (a.state() == AlertState.RESOLVED ? "✅" : Format.icon(a.severity()))
        + (a.target().isEmpty() ? "" : " `" + Limits.cut(a.target(), 60) + "`")
        + " "
        + Limits.cut(summary(a), 200)
        + (value.isEmpty() ? "" : " (" + value + ")")
        + (a.ackedBy() == null ? "" : " ✋ " + Limits.cut(a.ackedBy(), 40));
  }

  private static List<MessageEmbed.Field> fields(AlertSummary a, boolean resolved) {
    var fields = new ArrayList<MessageEmbed.Field>();
    if (!a.target().isEmpty()) {
      fields.add(field("Target", a.target(), true));
    }
    String value = value(a);
    if (!value.isEmpty()) {
      fields.add(field(resolved ? "Last value" : "Value", value, true));
    }
    String threshold = threshold(a);
    if (!threshold.isEmpty()) {
      fields.add(field("Threshold", threshold, true));
    }
    if (a.since() != null && !resolved) {
      fields.add(
          field(
              "Since",
              "<t:" + a.since().getEpochSecond() + ":R> (<t:" + a.since().getEpochSecond() + ":t>)",
              true));
    }
    String labels = labels(a);
    if (!labels.isEmpty()) {
      fields.add(field("Labels", labels, false));
    }
    String runbook = a.annotations().get("runbook");
    if (runbook != null && !runbook.isBlank()) {
      fields.add(field("Runbook", runbook.strip(), false));
    }
    return fields;
  }

  /**
   * Sets the description (head, then the alert list) and the fields, keeping the whole within
   * Discord's limits: the list gets what room is left and ends with "+N more".
   */
  private static void fill(
      EmbedBuilder embed,
      String head,
      List<AlertSummary> alerts,
      List<MessageEmbed.Field> fields,
      String status,
      int hidden) {
    String footer = Limits.cut(status == null ? "" : status, 200);
    if (!footer.isEmpty()) {
      embed.setFooter(footer);
    }
    int used = embed.length();
    for (MessageEmbed.Field f : fields.subList(0, Math.min(fields.size(), Limits.FIELDS))) {
      used += f.getName().length() + Objects.requireNonNullElse(f.getValue(), "").length();
      embed.addField(f);
    }
    int room = Math.min(Limits.DESCRIPTION, TOTAL_BUDGET - used);
    String top = Limits.cut(head, Math.max(0, room));
    var description = new StringBuilder(top);
    if (alerts.size() > 1) {
      String header = "**" + alerts.size() + " alerts**, worst first:\n";
      int left = room - top.length() - header.length();
      if (left > 20) {
        List<String> lines = alerts.stream().map(AlertCard::line).collect(Collectors.toList());
        if (hidden > 0) {
          lines.add("… and " + hidden + " resolved");
        }
        description.append(header).append(Limits.lines(lines, left));
      }
    }
    embed.setDescription(Limits.cut(description.toString().strip(), Limits.DESCRIPTION));
  }

  private static MessageEmbed.Field field(String name, String value, boolean inline) {
    return new MessageEmbed.Field(name, Limits.cut(value, Limits.FIELD_VALUE), inline);
  }

  private static String value(AlertSummary a) {
    String v = a.annotations().get("value");
    if (v != null && !v.isBlank()) {
      return Limits.cut(v.strip(), 100);
    }
    return a.value() == null ? "" : number(a.value());
  }

  private static String threshold(AlertSummary a) {
    String t = a.annotations().get("threshold");
    if (t == null || t.isBlank()) {
      t = a.labels().get("threshold");
    }
    return t == null ? "" : Limits.cut(t.strip(), 100);
  }

  private static String labels(AlertSummary a) {
    return a.labels().map().entrySet().stream()
        .filter(e -> !HIDDEN_LABELS.contains(e.getKey()))
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(java.util.Locale.ROOT, "%.2f", d).replaceAll("0+$", "");
  }
}
