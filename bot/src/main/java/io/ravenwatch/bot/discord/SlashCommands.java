package io.ravenwatch.bot.discord;

import io.ravenwatch.bot.chat.CommandSpec;
import io.ravenwatch.bot.chat.OptionSpec;
import java.util.Comparator;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * Turns the chat's {@link CommandSpec}s into Discord slash commands: subcommands, option types,
 * required options (listed first, as Discord demands), fixed choices, and autocomplete for options
 * with a {@link OptionSpec.Completion} other than {@code NONE}. Descriptions are cut to Discord's
 * 100 characters and lists to its 25 entries; a name Discord cannot take is a bug in the command
 * and fails the start with the command named.
 */
final class SlashCommands {
  static final int DESCRIPTION = 100;
  static final int OPTIONS = 25;
  static final int CHOICES = 25;
  static final int CHOICE = 100;

  private SlashCommands() {}

  static SlashCommandData of(CommandSpec spec) {
    try {
      SlashCommandData data = Commands.slash(spec.name(), description(spec.description(), spec));
      if (spec.subcommands().isEmpty()) {
        data.addOptions(options(spec.options()));
      } else {
        data.addSubcommands(
            spec.subcommands().stream()
                .limit(OPTIONS)
                .map(
                    s ->
                        new SubcommandData(s.name(), description(s.description(), s))
                            .addOptions(options(s.options())))
                .toList());
      }
      return data;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "command /" + spec.name() + " cannot be registered in Discord: " + e.getMessage(), e);
    }
  }

  private static List<OptionData> options(List<OptionSpec> options) {
    return options.stream()
        // Discord refuses a required option after an optional one; options go by name anyway.
        .sorted(Comparator.comparing(o -> !o.required()))
        .limit(OPTIONS)
        .map(SlashCommands::option)
        .toList();
  }

  private static OptionData option(OptionSpec o) {
    boolean autocomplete = o.completion() != OptionSpec.Completion.NONE && o.choices().isEmpty();
    var data =
        new OptionData(type(o.type()), o.name(), description(o.description(), o.name()))
            .setRequired(o.required())
            .setAutoComplete(autocomplete);
    // A value longer than Discord allows cannot be cut: it would send something else.
    for (String choice :
        o.choices().stream().filter(c -> c.length() <= CHOICE).limit(CHOICES).toList()) {
      String name = choice;
      switch (o.type()) {
        case INTEGER -> data.addChoice(name, Long.parseLong(choice));
        case NUMBER -> data.addChoice(name, Double.parseDouble(choice));
        default -> data.addChoice(name, choice);
      }
    }
    return data;
  }

  static OptionType type(OptionSpec.Type type) {
    return switch (type) {
      case STRING -> OptionType.STRING;
      case INTEGER -> OptionType.INTEGER;
      case NUMBER -> OptionType.NUMBER;
      case BOOLEAN -> OptionType.BOOLEAN;
    };
  }

  private static String description(String description, CommandSpec spec) {
    return description(description, spec.name());
  }

  private static String description(String description, String name) {
    // Discord requires one; the name is better than a rejected registration.
    return MessageFitter.cut(description.isBlank() ? name : description, DESCRIPTION);
  }
}
