package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ravenwatch.testkit.discord.RegisteredCommand.Option;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of a slash command or autocomplete interaction, nested as Discord nests it:
 * {@code /silence add target:x} is a command "silence" whose only option is the sub command "add"
 * holding the option "target". Option types come from the registered command.
 */
final class CommandData {
  private CommandData() {}

  /**
   * @param commandLine the command name, then its group and/or sub command: "silence add"
   * @param focused the option being typed (autocomplete), or null
   */
  static ObjectNode build(
      RegisteredCommand command, String commandLine, Map<String, ?> options, String focused) {
    List<String> path = List.of(commandLine.trim().split("\\s+"));
    ObjectNode data = Json.object().put("id", command.id()).put("name", command.name());
    data.put("type", 1);
    if (command.guildId() != null) {
      data.put("guild_id", command.guildId());
    }
    ArrayNode target = data.putArray("options");
    List<Option> declared = command.options();
    for (String name : path.subList(1, path.size())) {
      Option sub =
          declared.stream()
              .filter(o -> o.name().equals(name))
              .filter(o -> o.type() <= RegisteredCommand.SUB_COMMAND_GROUP)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "/" + command.name() + " has no sub command or group '" + name + "'"));
      ObjectNode nested = target.addObject().put("name", sub.name()).put("type", sub.type());
      target = nested.putArray("options");
      declared = sub.options();
    }
    for (Map.Entry<String, ?> entry : options.entrySet()) {
      Option option =
          declared.stream()
              .filter(o -> o.name().equals(entry.getKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "'" + commandLine + "' declares no option '" + entry.getKey() + "'"));
      ObjectNode o = target.addObject().put("name", option.name()).put("type", option.type());
      Object value = entry.getValue();
      if (option.name().equals(focused)) {
        o.put("value", String.valueOf(value)).put("focused", true); // typed text is a string
      } else {
        switch (value) {
          case Boolean b -> o.put("value", b);
          case Integer i -> o.put("value", i);
          case Long l -> o.put("value", l);
          case Double d -> o.put("value", d);
          default -> o.put("value", String.valueOf(value));
        }
      }
    }
    return data;
  }
}
