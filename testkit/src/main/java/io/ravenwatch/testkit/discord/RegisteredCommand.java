package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An application command as the bot registered it.
 *
 * @param guildId the guild it was registered for, or null for a global command
 * @param json the command object the fake answered with (with id, application_id and version)
 */
public record RegisteredCommand(
    String id,
    String name,
    String description,
    String guildId,
    List<Option> options,
    JsonNode json) {

  /** Option types of Discord: 1 sub command, 2 group, 3 string, 4 integer, 5 boolean, … */
  public static final int SUB_COMMAND = 1;

  public static final int SUB_COMMAND_GROUP = 2;

  public RegisteredCommand {
    options = List.copyOf(options);
  }

  static RegisteredCommand of(JsonNode json) {
    return new RegisteredCommand(
        json.path("id").asText(),
        json.path("name").asText(),
        json.path("description").asText(""),
        Json.text(json, "guild_id"),
        Option.all(json.path("options")),
        json.deepCopy());
  }

  /** The names of its sub commands (empty when it has none). */
  public List<String> subcommands() {
    return options.stream().filter(o -> o.type() == SUB_COMMAND).map(Option::name).toList();
  }

  public Optional<Option> option(String optionName) {
    return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
  }

  /**
   * A command option; sub commands and groups hold their own options.
   *
   * @param type Discord's option type (3 string, 4 integer, 5 boolean, 6 user, 10 number, …)
   */
  public record Option(
      String name,
      int type,
      String description,
      boolean required,
      boolean autocomplete,
      List<String> choices,
      List<Option> options) {

    public Option {
      choices = List.copyOf(choices);
      options = List.copyOf(options);
    }

    public Optional<Option> option(String optionName) {
      return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }

    static List<Option> all(JsonNode array) {
      var result = new ArrayList<Option>();
      for (JsonNode o : array) {
        var choices = new ArrayList<String>();
        o.path("choices").forEach(c -> choices.add(c.path("name").asText()));
        result.add(
            new Option(
                o.path("name").asText(),
                o.path("type").asInt(),
                o.path("description").asText(""),
                o.path("required").asBoolean(),
                o.path("autocomplete").asBoolean(),
                choices,
                all(o.path("options"))));
      }
      return result;
    }
  }
}
