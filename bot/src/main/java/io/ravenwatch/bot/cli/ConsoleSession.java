package io.ravenwatch.bot.cli;

import io.ravenwatch.bot.Ravenwatch;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.ChatCore;
import io.ravenwatch.bot.chat.ChatOutlets;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.audit.AuditLog;
import io.ravenwatch.bot.chat.audit.AuditSinks;
import io.ravenwatch.bot.console.ConsoleChat;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;

/** Runs the console chat on a running Ravenwatch: the chat core wired to its store and writer. */
final class ConsoleSession {
  private ConsoleSession() {}

  /** Reads commands from {@code in} until end of input or {@code quit}. */
  static void run(Setup setup, Ravenwatch app, Clock clock, InputStream in, PrintStream out) {
    var config = setup.config();
    ChatOutlets outlets = ChatOutlets.printing(out);
    // What happens by time (a scheduled maintenance window opening) is printed too.
    app.useOutlets(outlets);
    BotContext context = app.botContext().withOutlets(outlets);
    var sinks = new ArrayList<AuditLog.Sink>();
    app.store().ifPresent(store -> sinks.add(AuditSinks.store(store)));
    sinks.add(AuditSinks.channel(message -> out.println("[audit] " + message.content())));
    sinks.add(AuditSinks.influx(app.writer()::write));
    var core = ChatCore.assemble(setup.discord(), CommandRegistry.standard(context), sinks, clock);
    new ConsoleChat(core.dispatcher(), out, config.dataDir().resolve("chat-files")).run(in);
  }
}
