package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The application commands the bot registered, global (key "") and per guild. */
final class Commands {
  private final Snowflakes ids;
  private final String applicationId;
  private final Map<String, List<ObjectNode>> byScope = new HashMap<>();

  Commands(Snowflakes ids, String applicationId) {
    this.ids = ids;
    this.applicationId = applicationId;
  }

  /**
   * {@code PUT …/commands}: replaces the scope's commands, keeping ids of commands kept by name.
   */
  synchronized ArrayNode overwrite(String guildId, JsonNode requested) {
    if (!requested.isArray()) {
      throw new DiscordError(400, 50035, "Invalid Form Body", null);
    }
    List<ObjectNode> previous = byScope.getOrDefault(scope(guildId), List.of());
    var stored = new ArrayList<ObjectNode>();
    ArrayNode answer = Json.array();
    for (JsonNode command : requested) {
      ObjectNode c = complete(guildId, command, previous);
      stored.add(c);
      answer.add(c.deepCopy());
    }
    byScope.put(scope(guildId), stored);
    return answer;
  }

  /** {@code POST …/commands}: creates or replaces one command by name. */
  synchronized ObjectNode upsert(String guildId, JsonNode command) {
    List<ObjectNode> list = new ArrayList<>(byScope.getOrDefault(scope(guildId), List.of()));
    ObjectNode c = complete(guildId, command, list);
    list.removeIf(old -> old.path("name").asText().equals(c.path("name").asText()));
    list.add(c);
    byScope.put(scope(guildId), list);
    return c.deepCopy();
  }

  synchronized ArrayNode list(String guildId) {
    ArrayNode answer = Json.array();
    byScope.getOrDefault(scope(guildId), List.of()).forEach(c -> answer.add(c.deepCopy()));
    return answer;
  }

  /** Guild commands then global ones, as tests read them. */
  synchronized List<RegisteredCommand> all() {
    var result = new ArrayList<RegisteredCommand>();
    byScope.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
        .forEach(e -> e.getValue().forEach(c -> result.add(RegisteredCommand.of(c))));
    return result;
  }

  /** The command a user would pick by name in the guild: the guild's first, then global. */
  synchronized RegisteredCommand find(String guildId, String name) {
    for (String scope : new String[] {scope(guildId), scope(null)}) {
      for (ObjectNode c : byScope.getOrDefault(scope, List.of())) {
        if (c.path("name").asText().equals(name)) {
          return RegisteredCommand.of(c);
        }
      }
    }
    return null;
  }

  private ObjectNode complete(String guildId, JsonNode command, List<ObjectNode> previous) {
    ObjectNode c = (ObjectNode) command.deepCopy();
    String name = c.path("name").asText();
    String id =
        previous.stream()
            .filter(old -> old.path("name").asText().equals(name))
            .map(old -> old.path("id").asText())
            .findFirst()
            .orElseGet(ids::next);
    c.put("id", id).put("application_id", applicationId).put("version", ids.next());
    if (!c.has("type")) {
      c.put("type", 1);
    }
    if (guildId != null) {
      c.put("guild_id", guildId);
    }
    if (!c.has("default_member_permissions")) {
      c.putNull("default_member_permissions");
    }
    return c;
  }

  private static String scope(String guildId) {
    return guildId == null ? "" : guildId;
  }
}
