package io.ravenwatch.bot.chat;

import java.util.List;
import java.util.Objects;

/**
 * How a slash command looks to the client: its name, options or subcommands, the capability it
 * needs, and whether it changes the infrastructure (then it shows its plan and runs only after the
 * same user confirms within 60 s).
 *
 * @param name lower-case command name, e.g. {@code silence}
 * @param description shown in the client
 * @param capability what the caller needs
 * @param destructive whether it must be confirmed before it runs
 * @param slow whether the reply may take more than Discord's 3 s (the adapter defers at once)
 * @param options the options (empty when there are subcommands)
 * @param subcommands e.g. {@code add}, {@code list}, {@code remove}; each with its own options and
 *     capability
 */
public record CommandSpec(
    String name,
    String description,
    Capability capability,
    boolean destructive,
    boolean slow,
    List<OptionSpec> options,
    List<CommandSpec> subcommands) {

  public CommandSpec {
    Objects.requireNonNull(name);
    Objects.requireNonNull(description);
    Objects.requireNonNull(capability);
    options = List.copyOf(options);
    subcommands = List.copyOf(subcommands);
  }

  /** A command without subcommands. */
  public static CommandSpec of(
      String name, String description, Capability capability, OptionSpec... options) {
    return new CommandSpec(
        name, description, capability, false, false, List.of(options), List.of());
  }

  public CommandSpec slowly() {
    return new CommandSpec(name, description, capability, destructive, true, options, subcommands);
  }

  public CommandSpec destructively() {
    return new CommandSpec(name, description, capability, true, slow, options, subcommands);
  }

  /** The subcommand with that name, for its capability and flags. */
  public CommandSpec subcommand(String sub) {
    return subcommands.stream().filter(s -> s.name().equals(sub)).findFirst().orElseThrow();
  }
}
