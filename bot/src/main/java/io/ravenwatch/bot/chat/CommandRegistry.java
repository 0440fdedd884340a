package io.ravenwatch.bot.chat;

import io.ravenwatch.bot.command.ack.AckCommand;
import io.ravenwatch.bot.command.alerts.AlertsCommand;
import io.ravenwatch.bot.command.failover.FailoverCommand;
import io.ravenwatch.bot.command.graph.GraphCommand;
import io.ravenwatch.bot.command.maintenance.MaintenanceCommand;
import io.ravenwatch.bot.command.probe.ProbeCommand;
import io.ravenwatch.bot.command.restart.RestartCommand;
import io.ravenwatch.bot.command.silence.SilenceCommand;
import io.ravenwatch.bot.command.status.StatusCommand;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every slash command, in one explicit list.
 *
 * <p>To add a command: write one class implementing {@link Command} (its spec, its handler, its
 * buttons and completions), then add one line to {@link #standard}. No classpath scanning.
 */
public final class CommandRegistry {
  private final Map<String, Command> commands = new LinkedHashMap<>();

  /** The commands shipped with Ravenwatch. New commands are added here. */
  public static CommandRegistry standard(BotContext context) {
    return new CommandRegistry()
        .register(new StatusCommand(context))
        .register(new AlertsCommand(context))
        .register(new AckCommand(context))
        .register(new SilenceCommand(context))
        .register(new ProbeCommand(context))
        .register(new GraphCommand(context))
        .register(new MaintenanceCommand(context))
        .register(new FailoverCommand(context))
        .register(new RestartCommand(context));
  }

  public CommandRegistry register(Command command) {
    if (commands.putIfAbsent(command.spec().name(), command) != null) {
      throw new IllegalArgumentException("command registered twice: " + command.spec().name());
    }
    return this;
  }

  public Optional<Command> find(String name) {
    return Optional.ofNullable(commands.get(name));
  }

  public Collection<Command> all() {
    return commands.values();
  }
}
