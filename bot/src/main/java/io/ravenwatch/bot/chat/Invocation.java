package io.ravenwatch.bot.chat;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One use of a slash command: who, which (sub)command, the options as given, and where to answer.
 *
 * @param caller who invoked it, with their roles
 * @param command the command name
 * @param subcommand the subcommand, or empty
 * @param options option values as the client sent them (numbers and booleans as text)
 * @param reply where the answer goes
 */
public record Invocation(
    Caller caller, String command, String subcommand, Map<String, String> options, Reply reply) {

  public Invocation {
    Objects.requireNonNull(caller);
    Objects.requireNonNull(command);
    subcommand = Objects.requireNonNullElse(subcommand, "");
    options = Map.copyOf(options);
    Objects.requireNonNull(reply);
  }

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name)).filter(s -> !s.isBlank());
  }

  /** {@code /silence add} style, for logs and the audit trail. */
  public String path() {
    return "/" + command + (subcommand.isEmpty() ? "" : " " + subcommand);
  }
}
