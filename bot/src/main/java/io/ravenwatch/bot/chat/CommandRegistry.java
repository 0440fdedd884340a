package io.ravenwatch.bot.chat;

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
    return new CommandRegistry();
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
