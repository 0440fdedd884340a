package io.ravenwatch.bot.command.alerts;

import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.lifecycle.AlertRecord;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.CommandSpec;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.OptionSpec;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.bot.command.LiveAlerts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /alerts [severity]}: the active (firing or flapping) alerts, worst first, each with its
 * target, summary, how long it has fired, whether someone acknowledged it, and its id for {@code
 * /ack}.
 */
public final class AlertsCommand implements Command {
  static final String SEVERITY = "severity";
  static final List<String> CHOICES = List.of("critical", "warning", "info");

  private final BotContext context;

  public AlertsCommand(BotContext context) {
    this.context = context;
  }

  @Override
  public CommandSpec spec() {
    return CommandSpec.of(
        "alerts",
        "Active alerts, worst first",
        Capability.VIEW,
        new OptionSpec(
            SEVERITY,
            "Only alerts of this severity",
            OptionSpec.Type.STRING,
            false,
            OptionSpec.Completion.NONE,
            CHOICES));
  }

  @Override
  public void handle(Invocation invocation) throws CommandException {
    Severity only = severity(invocation.option(SEVERITY).orElse(null));
    LiveAlerts live = LiveAlerts.of(context.alertEngine());
    Instant now = context.clock().instant();
    List<AlertRecord> shown =
        live.active().stream().filter(a -> only == null || a.severity() == only).toList();
    String what = only == null ? "Active alerts" : "Active " + Format.lower(only) + " alerts";
    if (shown.isEmpty()) {
      invocation
          .reply()
          .send(
              ChatMessage.of(
                  new ChatMessage.Embed(
                      what, "Nothing is firing. 🎉", Format.GREEN, List.of(), "", "", now, "")));
      return;
    }
    var lines = new ArrayList<String>();
    for (AlertRecord a : shown) {
      String ack = live.ack(a.fingerprint()).map(k -> " · ✋ acked by " + k.by()).orElse("");
      String flapping =
          a.state() == io.ravenwatch.alerts.api.AlertState.FLAPPING ? " · flapping" : "";
      String target = LiveAlerts.target(a);
      lines.add(
          Format.icon(a.severity())
              + " "
              + (target.isEmpty() ? "" : "**" + target + "** ")
              + Limits.cut(LiveAlerts.summary(a), 200)
              + " · since "
              + Format.relative(LiveAlerts.since(a), now)
              + flapping
              + ack
              + " · `"
              + a.fingerprint()
              + "`");
    }
    invocation
        .reply()
        .send(
            ChatMessage.of(
                new ChatMessage.Embed(
                    what + " (" + shown.size() + ")",
                    Limits.lines(lines, Limits.DESCRIPTION),
                    Format.color(shown.getFirst().severity()),
                    List.of(),
                    "/ack <id> acknowledges one",
                    "",
                    now,
                    "")));
  }

  static Severity severity(String choice) throws CommandException {
    if (choice == null) {
      return null;
    }
    String c = choice.strip().toLowerCase(Locale.ROOT);
    if (!CHOICES.contains(c)) {
      throw new CommandException(
          "Severity is one of "
              + String.join(", ", CHOICES)
              + ", not `"
              + Limits.cut(c, 40)
              + "`.");
    }
    return Severity.valueOf(c.toUpperCase(Locale.ROOT));
  }
}
