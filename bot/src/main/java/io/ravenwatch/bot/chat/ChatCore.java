package io.ravenwatch.bot.chat;

import io.ravenwatch.bot.chat.audit.AuditLog;
import java.time.Clock;
import java.util.List;

/**
 * The chat-agnostic core every chat (Discord, console) drives: the commands, who may use them, the
 * audit log and the dispatcher that ties them together.
 *
 * <pre>{@code
 * ChatCore core = ChatCore.assemble(setup.discord(), CommandRegistry.standard(context),
 *     List.of(AuditSinks.store(store), AuditSinks.channel(auditChannel),
 *         AuditSinks.influx(writer::write)), clock);
 * core.dispatcher().dispatch(invocation);
 * }</pre>
 *
 * @param registry the commands
 * @param permissions capabilities by role, and the console's
 * @param audit where every action is recorded
 * @param dispatcher runs invocations and button presses
 */
public record ChatCore(
    CommandRegistry registry,
    Permissions permissions,
    AuditLog audit,
    CommandDispatcher dispatcher) {

  /** Assembles the core from the {@code discord:} section. */
  public static ChatCore assemble(
      DiscordConfig config, CommandRegistry registry, List<AuditLog.Sink> sinks, Clock clock) {
    var permissions = Permissions.from(config);
    var audit = new AuditLog(sinks);
    var dispatcher =
        new CommandDispatcher(
            registry, permissions, audit, new ConfirmationBook(config.confirmTimeout()), clock);
    return new ChatCore(registry, permissions, audit, dispatcher);
  }
}
