package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The REST endpoints of {@code /api/v10/} the fake answers, mapped onto its state. */
final class Routes {
  /** A parsed request: method, path below {@code /api/v10/}, body and uploaded files. */
  record Request(String method, String path, JsonNode json, Map<String, Multipart.Part> files) {
    MessageStore.Body body() {
      return new MessageStore.Body(json, files);
    }
  }

  private interface Handler {
    JsonNode handle(Request request, List<String> params);
  }

  private record Route(String method, Pattern pattern, boolean authenticated, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();
  private final GuildPayloads payloads;
  private final MessageStore store;
  private final Commands commands;
  private final Interactions interactions;
  private final Snowflakes ids;
  private final List<ObjectNode> scheduledEvents = new ArrayList<>();
  private final Gateway gateway;

  Routes(
      GuildPayloads payloads,
      MessageStore store,
      Commands commands,
      Interactions interactions,
      Snowflakes ids,
      Gateway gateway) {
    this.payloads = payloads;
    this.store = store;
    this.commands = commands;
    this.interactions = interactions;
    this.ids = ids;
    this.gateway = gateway;
    String app = "(\\d+)";
    String id = "(\\d+)";
    add("GET", "users/@me", true, (r, p) -> payloads.botUser());
    add("GET", "gateway(?:/bot)?", true, (r, p) -> gatewayInfo());
    add("GET", "applications/@me|oauth2/applications/@me", true, (r, p) -> application());
    add(
        "PUT",
        "applications/" + app + "/commands",
        true,
        (r, p) -> commands.overwrite(null, r.json()));
    add("GET", "applications/" + app + "/commands", true, (r, p) -> commands.list(null));
    add(
        "POST",
        "applications/" + app + "/commands",
        true,
        (r, p) -> commands.upsert(null, r.json()));
    String guildCommands = "applications/" + app + "/guilds/" + id + "/commands";
    add("PUT", guildCommands, true, (r, p) -> commands.overwrite(guild(p.get(1)), r.json()));
    add("GET", guildCommands, true, (r, p) -> commands.list(guild(p.get(1))));
    add("POST", guildCommands, true, (r, p) -> commands.upsert(guild(p.get(1)), r.json()));
    add(
        "POST",
        "interactions/" + id + "/([^/]+)/callback",
        false,
        (r, p) -> interactions.callback(p.get(0), p.get(1), r.body()));
    add(
        "POST",
        "webhooks/" + app + "/([^/]+)",
        false,
        (r, p) -> interactions.followUp(p.get(1), r.body()));
    String webhookMessage = "webhooks/" + app + "/([^/]+)/messages/(@original|\\d+)";
    add("PATCH", webhookMessage, false, (r, p) -> interactions.edit(p.get(1), p.get(2), r.body()));
    add("GET", webhookMessage, false, (r, p) -> interactions.get(p.get(1), p.get(2)));
    add(
        "DELETE",
        webhookMessage,
        false,
        (r, p) -> {
          interactions.delete(p.get(1), p.get(2));
          return null;
        });
    add("POST", "channels/" + id + "/messages", true, (r, p) -> store.post(p.get(0), r.body()));
    add("GET", "channels/" + id + "/messages", true, (r, p) -> store.history(p.get(0), 50));
    add("GET", "channels/" + id + "/messages/" + id, true, (r, p) -> store.get(p.get(0), p.get(1)));
    add(
        "PATCH",
        "channels/" + id + "/messages/" + id,
        true,
        (r, p) -> store.edit(p.get(0), p.get(1), r.body()));
    add("POST", "channels/" + id + "/messages/" + id + "/threads", true, this::startThread);
    add("POST", "guilds/" + id + "/scheduled-events", true, this::createEvent);
    add("GET", "guilds/" + id + "/scheduled-events", true, (r, p) -> listEvents(p.get(0)));
  }

  private void add(String method, String regex, boolean authenticated, Handler handler) {
    routes.add(new Route(method, Pattern.compile(regex), authenticated, handler));
  }

  /** Whether the path needs the bot token (interaction callbacks and webhooks do not). */
  boolean authenticated(String path) {
    return !(path.startsWith("interactions/") || path.startsWith("webhooks/"));
  }

  /** Answers the request; null means 204 No Content. */
  JsonNode handle(Request request) {
    for (Route route : routes) {
      Matcher m = route.pattern().matcher(request.path());
      if (m.matches() && route.method().equals(request.method())) {
        var params = new ArrayList<String>();
        for (int g = 1; g <= m.groupCount(); g++) {
          params.add(m.group(g));
        }
        return route.handler().handle(request, params);
      }
    }
    throw DiscordError.notFound();
  }

  private String guild(String guildId) {
    if (!guildId.equals(payloads.guild().id())) {
      throw new DiscordError(403, 50001, "Missing Access", null);
    }
    return guildId;
  }

  private JsonNode startThread(Request request, List<String> p) {
    ObjectNode thread = store.startThread(p.get(0), p.get(1), request.json());
    gateway.dispatch("THREAD_CREATE", thread.deepCopy().put("newly_created", true), null);
    return thread;
  }

  private JsonNode createEvent(Request request, List<String> p) {
    guild(p.get(0));
    JsonNode body = request.json();
    if (body.path("name").asText("").isEmpty() || !body.hasNonNull("scheduled_start_time")) {
      var errors = Json.object();
      errors
          .putObject("name")
          .putArray("_errors")
          .addObject()
          .put("code", "BASE_TYPE_REQUIRED")
          .put("message", "This field is required");
      throw DiscordError.invalidFormBody(errors);
    }
    ObjectNode event = (ObjectNode) body.deepCopy();
    event.put("id", ids.next()).put("guild_id", p.get(0));
    event.put("creator_id", payloads.guild().bot().userId()).put("status", 1);
    event.set("creator", payloads.botUser());
    event.put("user_count", 0);
    if (!event.has("entity_type")) {
      event.put("entity_type", 3);
    }
    if (!event.has("entity_metadata")) {
      event.putNull("entity_metadata");
    }
    synchronized (scheduledEvents) {
      scheduledEvents.add(event);
    }
    return event.deepCopy();
  }

  private ArrayNode listEvents(String guildId) {
    guild(guildId);
    ArrayNode answer = Json.array();
    scheduledEvents().forEach(e -> answer.add(e.deepCopy()));
    return answer;
  }

  List<ObjectNode> scheduledEvents() {
    synchronized (scheduledEvents) {
      return scheduledEvents.stream().map(ObjectNode::deepCopy).toList();
    }
  }

  private ObjectNode gatewayInfo() {
    ObjectNode info = Json.object().put("url", gateway.url()).put("shards", 1);
    ObjectNode limit = info.putObject("session_start_limit");
    limit.put("total", 1000).put("remaining", 999).put("reset_after", 0).put("max_concurrency", 1);
    return info;
  }

  private ObjectNode application() {
    var bot = payloads.guild().bot();
    ObjectNode app = Json.object().put("id", bot.applicationId()).put("name", bot.name());
    app.put("description", "").putNull("icon").put("bot_public", false);
    app.put("bot_require_code_grant", false).put("flags", 0).put("verify_key", "0");
    app.set("bot", payloads.botUser());
    app.set("owner", payloads.user("1", "owner"));
    app.putArray("tags");
    app.putArray("redirect_uris");
    app.putObject("integration_types_config");
    return app;
  }

  static Map<String, Multipart.Part> files(List<Multipart.Part> parts) {
    var files = new LinkedHashMap<String, Multipart.Part>();
    parts.stream().filter(p -> p.filename() != null).forEach(p -> files.put(p.name(), p));
    return files;
  }
}
