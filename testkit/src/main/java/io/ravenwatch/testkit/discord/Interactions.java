package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ravenwatch.testkit.discord.FakeGuild.FakeMember;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interactions the fake creates and the bot's answers to them: the callback (within the deadline,
 * once), then follow-ups and edits through the interaction's webhook (for 15 minutes).
 */
final class Interactions {
  private static final Duration WEBHOOK_LIFETIME = Duration.ofMinutes(15);

  /** One interaction and what the bot did with it; guarded by its own monitor. */
  static final class Pending {
    final String id;
    final String token;
    final String channelId;
    final String clickedMessageId;
    final CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    final List<String> followUpIds = new ArrayList<>();
    final List<String> rejections = new ArrayList<>();
    long deliveredNanos;
    int callbackType;
    long callbackNanos;
    JsonNode callbackData;
    String originalMessageId;

    Pending(String id, String token, String channelId, String clickedMessageId) {
      this.id = id;
      this.token = token;
      this.channelId = channelId;
      this.clickedMessageId = clickedMessageId;
    }
  }

  private final GuildPayloads payloads;
  private final MessageStore store;
  private final Snowflakes ids;
  private final Duration deadline;
  private final Map<String, Pending> byId = new ConcurrentHashMap<>();
  private final Map<String, Pending> byToken = new ConcurrentHashMap<>();

  Interactions(GuildPayloads payloads, MessageStore store, Snowflakes ids, Duration deadline) {
    this.payloads = payloads;
    this.store = store;
    this.ids = ids;
    this.deadline = deadline;
  }

  /** Registers a new interaction in a channel; {@code clickedMessageId} for component clicks. */
  Pending create(String channelId, String clickedMessageId) {
    if (!store.isChannel(channelId)) {
      throw new IllegalArgumentException("no channel " + channelId + " in the fake guild");
    }
    String token = "aW50ZXJhY3Rpb246" + UUID.randomUUID().toString().replace("-", "");
    var pending = new Pending(ids.next(), token, channelId, clickedMessageId);
    byId.put(pending.id, pending);
    byToken.put(pending.token, pending);
    return pending;
  }

  ObjectNode payload(
      Pending pending, int type, String userId, ObjectNode data, ObjectNode message) {
    FakeGuild guild = payloads.guild();
    FakeMember member = guild.member(userId);
    ObjectNode i =
        Json.object().put("id", pending.id).put("application_id", guild.bot().applicationId());
    i.put("type", type).put("token", pending.token).put("version", 1);
    i.put("guild_id", guild.id()).put("channel_id", pending.channelId);
    i.set("channel", channel(pending.channelId));
    i.set("guild", payloads.guildObject());
    i.put("guild_locale", "en-US").put("locale", "en-US");
    ObjectNode m = payloads.member(member);
    m.put("permissions", Long.toString(guild.permissionsOf(member)));
    i.set("member", m);
    i.put("app_permissions", Long.toString(guild.bot().permissions()));
    i.putArray("entitlements");
    i.putObject("authorizing_integration_owners").put("0", guild.id());
    i.put("context", 0);
    i.set("data", data);
    if (message != null) {
      i.set("message", message);
    }
    return i;
  }

  private ObjectNode channel(String channelId) {
    ObjectNode thread = store.threadJson(channelId);
    if (thread != null) {
      return thread;
    }
    FakeGuild guild = payloads.guild();
    var channel = guild.channel(channelId);
    ObjectNode json = payloads.channel(channel, guild.channels().indexOf(channel));
    json.put("permissions", Long.toString(guild.bot().permissions()));
    return json;
  }

  void delivered(Pending pending) {
    synchronized (pending) {
      if (pending.deliveredNanos == 0) {
        pending.deliveredNanos = System.nanoTime();
      }
    }
  }

  /** {@code POST interactions/{id}/{token}/callback}. */
  ObjectNode callback(String id, String token, MessageStore.Body body) {
    Pending pending = byId.get(id);
    if (pending == null || !pending.token.equals(token)) {
      throw DiscordError.unknownInteraction();
    }
    long now = System.nanoTime();
    synchronized (pending) {
      try {
        return acknowledge(pending, body, now);
      } catch (DiscordError e) {
        pending.rejections.add(e.status + " " + e.code + " " + e.getMessage());
        throw e;
      }
    }
  }

  private ObjectNode acknowledge(Pending pending, MessageStore.Body body, long now) {
    if (pending.callbackType != 0) {
      throw DiscordError.alreadyAcknowledged();
    }
    if (pending.deliveredNanos == 0 || now - pending.deliveredNanos > deadline.toNanos()) {
      throw DiscordError.unknownInteraction();
    }
    int type = body.json().path("type").asInt();
    JsonNode data = body.json().path("data");
    ObjectNode resource = Json.object().put("type", type);
    switch (type) {
      case SlashResult.REPLY -> {
        ObjectNode message = store.postInteraction(pending.channelId, withBody(body, data));
        pending.originalMessageId = message.path("id").asText();
        resource.set("message", message);
      }
      case SlashResult.DEFERRED -> {
        ObjectNode thinking = Json.object().put("content", "");
        thinking.put("flags", (data.path("flags").asInt() & 64) | 128); // LOADING
        ObjectNode message =
            store.postInteraction(pending.channelId, new MessageStore.Body(thinking, Map.of()));
        pending.originalMessageId = message.path("id").asText();
      }
      case SlashResult.DEFERRED_UPDATE -> pending.originalMessageId = requireClicked(pending);
      case SlashResult.UPDATE -> {
        pending.originalMessageId = requireClicked(pending);
        resource.set("message", store.edit(null, pending.originalMessageId, withBody(body, data)));
      }
      case SlashResult.AUTOCOMPLETE, SlashResult.MODAL -> {}
      default ->
          throw new DiscordError(400, 50035, "Invalid interaction response type " + type, null);
    }
    pending.callbackType = type;
    pending.callbackNanos = now;
    pending.callbackData = data.deepCopy();
    pending.acknowledged.complete(null);
    ObjectNode answer = Json.object();
    answer.putObject("interaction").put("id", pending.id).put("type", type);
    answer.set("resource", resource);
    return answer;
  }

  private static String requireClicked(Pending pending) {
    if (pending.clickedMessageId == null) {
      throw new DiscordError(400, 40043, "This interaction has no message to update", null);
    }
    return pending.clickedMessageId;
  }

  private static MessageStore.Body withBody(MessageStore.Body body, JsonNode data) {
    return new MessageStore.Body(data.isObject() ? data : Json.object(), body.files());
  }

  /** {@code POST webhooks/{app}/{token}}: a follow-up message. */
  ObjectNode followUp(String token, MessageStore.Body body) {
    Pending pending = acknowledgedByToken(token);
    synchronized (pending) {
      ObjectNode message = store.postInteraction(pending.channelId, body);
      pending.followUpIds.add(message.path("id").asText());
      return message;
    }
  }

  /** {@code PATCH webhooks/{app}/{token}/messages/{id}}; {@code @original} is the response. */
  ObjectNode edit(String token, String messageId, MessageStore.Body body) {
    Pending pending = acknowledgedByToken(token);
    synchronized (pending) {
      return store.edit(null, resolve(pending, messageId), body);
    }
  }

  /** {@code DELETE webhooks/{app}/{token}/messages/{id}}: the message is gone, as in Discord. */
  void delete(String token, String messageId) {
    Pending pending = acknowledgedByToken(token);
    synchronized (pending) {
      store.delete(resolve(pending, messageId));
    }
  }

  ObjectNode get(String token, String messageId) {
    Pending pending = acknowledgedByToken(token);
    synchronized (pending) {
      FakeMessage message = store.message(resolve(pending, messageId));
      if (message == null) {
        throw DiscordError.unknownMessage();
      }
      return (ObjectNode) message.current().json().deepCopy();
    }
  }

  private static String resolve(Pending pending, String messageId) {
    String id = "@original".equals(messageId) ? pending.originalMessageId : messageId;
    if (id == null || !(id.equals(pending.originalMessageId) || pending.followUpIds.contains(id))) {
      throw DiscordError.unknownMessage();
    }
    return id;
  }

  private Pending acknowledgedByToken(String token) {
    Pending pending = byToken.get(token);
    if (pending == null) {
      throw DiscordError.unknownWebhook();
    }
    synchronized (pending) {
      boolean expired = System.nanoTime() - pending.deliveredNanos > WEBHOOK_LIFETIME.toNanos();
      if (pending.callbackType == 0 || expired) {
        throw DiscordError.unknownWebhook();
      }
    }
    return pending;
  }
}
