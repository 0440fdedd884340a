package io.ravenwatch.bot.command.ack;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.ack.AckService;
import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.lifecycle.AlertRecord;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.Caller;
import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.CommandSpec;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.OptionSpec;
import io.ravenwatch.bot.chat.Reply;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.bot.command.LiveAlerts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /ack <alert> [note]}: acknowledges an active alert (by fingerprint) or every active alert
 * of a group (by group key): it stops repeating and escalating until it resolves, rises in severity
 * or flaps. The alert message's Acknowledge button ({@code cmd:ack:<fingerprint>}) does the same
 * without a note.
 */
public final class AckCommand implements Command {
  static final String ALERT = "alert";
  static final String NOTE = "note";

  private final BotContext context;

  public AckCommand(BotContext context) {
    this.context = context;
  }

  @Override
  public CommandSpec spec() {
    return CommandSpec.of(
        "ack",
        "Acknowledge an alert: you are on it",
        Capability.ACK,
        OptionSpec.required(ALERT, "The alert (or alert group)", OptionSpec.Completion.ALERT),
        OptionSpec.optional(NOTE, "What you are doing about it", OptionSpec.Completion.NONE));
  }

  @Override
  public void handle(Invocation invocation) throws CommandException {
    String alert =
        invocation.option(ALERT).orElseThrow(() -> new CommandException("Name the alert to ack."));
    invocation
        .reply()
        .send(ack(invocation.caller(), alert.strip(), invocation.option(NOTE).orElse("")));
  }

  @Override
  public void onButton(Caller caller, String payload, Reply reply) throws CommandException {
    reply.send(ack(caller, payload, ""));
  }

  private ChatMessage ack(Caller caller, String idOrGroup, String note) throws CommandException {
    AlertEngine engine = context.alertEngine();
    LiveAlerts live = LiveAlerts.of(engine);
    AckService.Outcome outcome = engine.acks().ack(idOrGroup, caller.name(), note.strip());
    if (outcome instanceof AckService.Outcome.NothingToAck) {
      throw new CommandException(
          "No active alert or group `" + Limits.cut(idOrGroup, 80) + "` (resolved already?).");
    }
    List<Ack> made = ((AckService.Outcome.Acked) outcome).acks();
    var lines = new ArrayList<String>();
    for (Ack a : made) {
      String what =
          live.find(a.fingerprint()).map(AckCommand::describe).orElse("`" + a.fingerprint() + "`");
      lines.add("✋ " + what);
    }
    String title =
        caller.name()
            + " acknowledged "
            + (made.size() == 1 ? "an alert" : made.size() + " alerts");
    String desc =
        (note.isBlank() ? "" : "> " + Limits.cut(note.strip(), 500) + "\n\n")
            + Limits.lines(lines, 3000);
    return ChatMessage.of(
        new ChatMessage.Embed(
            Limits.cut(title, Limits.TITLE),
            desc,
            Format.BLUE,
            List.of(),
            "",
            "",
            context.clock().instant(),
            ""));
  }

  private static String describe(AlertRecord a) {
    return Format.icon(a.severity()) + " " + LiveAlerts.summary(a) + " `" + a.fingerprint() + "`";
  }

  @Override
  public List<Suggestion> suggest(String option, String typed, Map<String, String> given) {
    if (!ALERT.equals(option) || context.alerts() == null) {
      return List.of();
    }
    return LiveAlerts.of(context.alerts()).suggestions(typed);
  }

  @Override
  public List<String> complete(String option, String typed) {
    return suggest(option, typed, Map.of()).stream().map(Suggestion::value).toList();
  }
}
