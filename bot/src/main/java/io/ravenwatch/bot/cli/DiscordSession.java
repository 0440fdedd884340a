package io.ravenwatch.bot.cli;

import io.ravenwatch.bot.Ravenwatch;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.audit.AuditLog;
import io.ravenwatch.bot.chat.audit.AuditSinks;
import io.ravenwatch.bot.discord.DiscordChat;
import io.ravenwatch.bot.discord.DiscordEndpoints;
import io.ravenwatch.bot.discord.DiscordOutlets;
import java.time.Clock;
import java.util.ArrayList;

/**
 * Runs the Discord chat on a running Ravenwatch: the commands over its bot context, the audit trail
 * to its store, InfluxDB and (by {@link DiscordChat}) the audit channel.
 */
final class DiscordSession {
  private DiscordSession() {}

  /**
   * Logs in and registers the commands; the caller closes the chat before the application.
   *
   * @param endpoints {@link DiscordEndpoints#DISCORD}; a protocol fake's in tests
   * @throws io.ravenwatch.bot.discord.DiscordStartException when Discord is not as configured
   */
  static DiscordChat start(Setup setup, Ravenwatch app, Clock clock, DiscordEndpoints endpoints)
      throws InterruptedException {
    var sinks = new ArrayList<AuditLog.Sink>();
    app.store().ifPresent(store -> sinks.add(AuditSinks.store(store)));
    sinks.add(AuditSinks.influx(app.writer()::write));
    // Posts through the session the Discord receivers use, once logged in (RunCommand connects it).
    var outlets = new DiscordOutlets(setup.discord(), app.discordLink(), app.alerts().orElse(null));
    app.useOutlets(outlets);
    return DiscordChat.start(
        setup.discord(),
        CommandRegistry.standard(app.botContext().withOutlets(outlets)),
        sinks,
        clock,
        endpoints);
  }
}
