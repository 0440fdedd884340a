package io.ravenwatch.bot.discord.alert;

import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.bot.command.Limits;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The status line (the embed's footer) of an incident message: "✋ Acknowledged by alice · 📣
 * Escalated · 🔁 Reminded 10:30 UTC". REPEAT, ESCALATION and ACKNOWLEDGED carry only the alerts
 * they are about, so they change this line of the message as it is rather than re-render it.
 */
final class StatusLine {
  private static final String SEPARATOR = " · ";
  private static final int MAX = 190;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private StatusLine() {}

  /** The marker a notification sets, or empty. */
  static String marker(Notification n, String mention, Instant now) {
    return switch (n.kind()) {
      case ACKNOWLEDGED ->
          "✋ Acknowledged by "
              + n.alerts().stream()
                  .map(AlertSummary::ackedBy)
                  .filter(Objects::nonNull)
                  .distinct()
                  .collect(Collectors.joining(", "));
      case ESCALATION -> "📣 Escalated" + (mention.isEmpty() ? "" : " (role called in)");
      case REPEAT -> "🔁 Reminded " + TIME.format(now);
      default -> "";
    };
  }

  /** The embed with {@code marker} replacing the footer segment of the same kind. */
  static MessageEmbed with(MessageEmbed embed, String marker) {
    if (marker.isEmpty()) {
      return embed;
    }
    String footer = embed.getFooter() == null ? "" : embed.getFooter().getText();
    String icon = icon(marker);
    List<String> segments = new ArrayList<>();
    if (footer != null && !footer.isBlank()) {
      for (String s : footer.split(SEPARATOR)) {
        if (!s.isBlank() && !icon(s).equals(icon)) {
          segments.add(s);
        }
      }
    }
    segments.add(marker);
    return new EmbedBuilder(embed)
        .setFooter(Limits.cut(String.join(SEPARATOR, segments), MAX))
        .build();
  }

  private static String icon(String segment) {
    int space = segment.indexOf(' ');
    return space < 0 ? segment : segment.substring(0, space);
  }
}
