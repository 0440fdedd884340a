package io.ravenwatch.bot.command.maintenance;

import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.ChatMessage.Field;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The announcement embeds of a window: scheduled, started, ended (with its summary), cancelled. */
final class WindowCards {
  private WindowCards() {}

  static ChatMessage scheduled(MaintenanceWindow w, int targets, Instant now) {
    return card("🗓 Maintenance scheduled", w, targets, Format.BLUE, now, List.of());
  }

  static ChatMessage started(MaintenanceWindow w, int targets, Instant now) {
    return card(
        "🔧 Maintenance started",
        w,
        targets,
        Format.ORANGE,
        now,
        List.of("Alerts about these targets are muted until the window ends."));
  }

  static ChatMessage cancelled(MaintenanceWindow w, String by, int targets, Instant now) {
    return card(
        "🚫 Maintenance cancelled",
        w,
        targets,
        Format.GREY,
        now,
        List.of("Cancelled by " + by + " before it started."));
  }

  static ChatMessage ended(MaintenanceWindow w, WindowSummary s, String by, Instant now) {
    var fields = new ArrayList<Field>();
    fields.add(new Field("Scope", Limits.cut(WindowRequest.label(w.scope()), 1024), false));
    fields.add(new Field("Window", Times.span(w.start(), w.end()), false));
    fields.add(new Field("Reason", Limits.cut(w.reason(), 1024), false));
    String alerted =
        s.alerted().isEmpty()
            ? "No alert fired in scope during the window."
            : Limits.lines(s.alertLines(), 1024);
    fields.add(new Field("Alerted during the window (" + s.alerted().size() + ")", alerted, false));
    String title =
        s.allClear() ? "✅ Maintenance ended: all clear" : "⚠️ Maintenance ended: not all green";
    String description =
        Limits.cut(s.stateLine(), 3500)
            + (by.isEmpty() ? "\nEnded on schedule." : "\nEnded by " + by + ".");
    return ChatMessage.of(
        new ChatMessage.Embed(
            title,
            description,
            s.allClear() ? Format.GREEN : Format.RED,
            fields,
            "window " + w.id(),
            "",
            now,
            ""));
  }

  private static ChatMessage card(
      String title, MaintenanceWindow w, int targets, int color, Instant now, List<String> notes) {
    var fields = new ArrayList<Field>();
    fields.add(
        new Field(
            "Scope",
            Limits.cut(
                WindowRequest.label(w.scope())
                    + " ("
                    + targets
                    + (targets == 1 ? " target)" : " targets)"),
                1024),
            false));
    fields.add(new Field("When", Times.span(w.start(), w.end()), false));
    fields.add(new Field("Reason", Limits.cut(w.reason(), 1024), false));
    fields.add(new Field("By", Limits.cut(w.createdBy(), 256), true));
    String description = String.join("\n", notes);
    return ChatMessage.of(
        new ChatMessage.Embed(title, description, color, fields, "window " + w.id(), "", now, ""));
  }
}
