package io.ravenwatch.bot.console;

import io.ravenwatch.bot.chat.Caller;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.CommandSpec;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.OptionSpec;
import io.ravenwatch.bot.chat.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a console line like {@code /silence add matcher:source=web1 duration:1h comment:"reboot"}
 * into an {@link Invocation} of {@link Caller#CONSOLE}: the first word names the command, the next
 * its subcommand (when it has any); {@code name:value} words set that option when the command has
 * an option of that name (or any name: the dispatcher refuses unknown ones; a URL's {@code https:}
 * is not a name), and other words fill the options left, in the spec's order ({@code /status web1},
 * {@code /ack 0123abcd note:…}). Whether the options are right is the dispatcher's check, the same
 * as for Discord.
 */
final class ConsoleParser {
  private static final Pattern NAMED = Pattern.compile("([a-z][a-z0-9_-]*):(.*)", Pattern.DOTALL);

  private ConsoleParser() {}

  /**
   * @param words the tokenized line; the first starts with {@code /}
   * @throws CommandException when values are left over
   */
  static Invocation parse(List<String> words, CommandRegistry registry, Reply reply)
      throws CommandException {
    String name = words.getFirst().substring(1).toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      throw new CommandException(
          "Type a command after the slash, e.g. /status. Type help for all.");
    }
    Optional<Command> command = registry.find(name);
    if (command.isEmpty()) {
      // The dispatcher answers (and audits) an unknown command; its words mean nothing yet.
      return new Invocation(Caller.CONSOLE, name, "", Map.of(), reply);
    }
    CommandSpec spec = command.get().spec();
    int next = 1;
    String sub = "";
    List<OptionSpec> options = spec.options();
    if (!spec.subcommands().isEmpty() && words.size() > 1 && !words.get(1).contains(":")) {
      sub = words.get(1);
      next = 2;
      String wanted = sub;
      options =
          spec.subcommands().stream()
              .filter(s -> s.name().equals(wanted))
              .findFirst()
              .map(CommandSpec::options)
              .orElse(List.of());
    }
    Map<String, String> given = new LinkedHashMap<>();
    List<String> positional = new java.util.ArrayList<>();
    for (String word : words.subList(next, words.size())) {
      Matcher m = NAMED.matcher(word);
      // name:value sets an option; an unknown name is the dispatcher's to refuse, except in a URL.
      if (m.matches() && (hasOption(options, m.group(1)) || !m.group(2).startsWith("//"))) {
        given.put(m.group(1), m.group(2));
      } else {
        positional.add(word);
      }
    }
    for (String value : positional) {
      Optional<OptionSpec> free =
          options.stream().filter(o -> !given.containsKey(o.name())).findFirst();
      if (free.isEmpty()) {
        throw new CommandException(
            "Too many values for /"
                + name
                + (sub.isEmpty() ? "" : " " + sub)
                + ": `"
                + value
                + "`. Quote a value with spaces: name:\"two words\".");
      }
      given.put(free.get().name(), value);
    }
    return new Invocation(Caller.CONSOLE, name, sub, given, reply);
  }

  private static boolean hasOption(List<OptionSpec> options, String name) {
    return options.stream().anyMatch(o -> o.name().equals(name));
  }
}
