package io.ravenwatch.bot.chat;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves which (sub)command an invocation means and checks its options against the spec: Discord
 * enforces this itself, the console does not, and a command should never see an option it did not
 * declare.
 */
final class OptionCheck {
  private OptionCheck() {}

  /**
   * The spec that applies: the subcommand's (with the command's {@code destructive} and {@code
   * slow} flags added), or the command's own.
   *
   * @throws CommandException when a subcommand is missing or unknown
   */
  static CommandSpec effective(CommandSpec spec, String subcommand) throws CommandException {
    if (spec.subcommands().isEmpty()) {
      if (!subcommand.isEmpty()) {
        throw new CommandException("/" + spec.name() + " has no subcommand `" + subcommand + "`.");
      }
      return spec;
    }
    Optional<CommandSpec> sub =
        spec.subcommands().stream().filter(s -> s.name().equals(subcommand)).findFirst();
    if (sub.isEmpty()) {
      String names =
          spec.subcommands().stream().map(CommandSpec::name).collect(Collectors.joining(", "));
      throw new CommandException(
          (subcommand.isEmpty() ? "" : "Unknown subcommand `" + subcommand + "`. ")
              + "Use /"
              + spec.name()
              + " with one of: "
              + names
              + ".");
    }
    CommandSpec s = sub.get();
    return new CommandSpec(
        spec.name() + " " + s.name(),
        s.description(),
        s.capability(),
        spec.destructive() || s.destructive(),
        spec.slow() || s.slow(),
        s.options(),
        s.subcommands());
  }

  /**
   * Checks unknown and missing options, choices and value types.
   *
   * @throws CommandException with a short reason
   */
  static void check(CommandSpec spec, Invocation inv) throws CommandException {
    for (String given : inv.options().keySet()) {
      if (spec.options().stream().noneMatch(o -> o.name().equals(given))) {
        String known =
            spec.options().isEmpty()
                ? "it takes none"
                : "options: "
                    + spec.options().stream()
                        .map(OptionSpec::name)
                        .collect(Collectors.joining(", "));
        throw new CommandException(
            "Unknown option `" + given + "` for " + inv.path() + " (" + known + ").");
      }
    }
    for (OptionSpec o : spec.options()) {
      Optional<String> value = inv.option(o.name());
      if (value.isEmpty()) {
        if (o.required()) {
          throw new CommandException("Missing option `" + o.name() + "` for " + inv.path() + ".");
        }
        continue;
      }
      String v = value.get();
      if (!o.choices().isEmpty() && !o.choices().contains(v)) {
        throw new CommandException(
            "`" + o.name() + "` must be one of " + String.join(", ", o.choices()) + ".");
      }
      if (!fits(o.type(), v)) {
        throw new CommandException(
            "`" + o.name() + "` must be " + o.type().name().toLowerCase(Locale.ROOT) + ".");
      }
    }
  }

  private static boolean fits(OptionSpec.Type type, String v) {
    try {
      switch (type) {
        case INTEGER -> Long.parseLong(v.trim());
        case NUMBER -> Double.parseDouble(v.trim());
        case BOOLEAN -> {
          return v.equals("true") || v.equals("false");
        }
        case STRING -> {}
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
