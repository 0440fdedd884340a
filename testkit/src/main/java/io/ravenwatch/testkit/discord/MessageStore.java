package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ravenwatch.testkit.discord.FakeMessage.Attachment;
import io.ravenwatch.testkit.discord.FakeMessage.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The channels, threads and messages of the fake guild. Every message keeps all its versions;
 * ephemeral interaction messages are kept too but are not part of any channel's history.
 */
final class MessageStore {
  /** What a request asks to post: the JSON body and the uploaded files by part name. */
  record Body(JsonNode json, Map<String, Multipart.Part> files) {}

  /** Who posts: the channel API, or an interaction's webhook (which Discord marks). */
  enum Via {
    CHANNEL,
    INTERACTION
  }

  private static final class Channel {
    final String id;
    final String parentId;
    final boolean botMaySend;
    final List<String> messageIds = new ArrayList<>();
    ObjectNode threadJson;

    Channel(String id, String parentId, boolean botMaySend) {
      this.id = id;
      this.parentId = parentId;
      this.botMaySend = botMaySend;
    }
  }

  private static final class Message {
    final String id;
    final String channelId;
    final Via via;
    final List<Version> versions = new ArrayList<>();
    final String created;
    Instant createdAt;
    String threadId;

    Message(String id, String channelId, Via via, String created) {
      this.id = id;
      this.channelId = channelId;
      this.via = via;
      this.created = created;
    }

    FakeMessage snapshot() {
      return new FakeMessage(id, channelId, threadId, versions);
    }
  }

  private static final java.util.regex.Pattern ROLE_MENTION =
      java.util.regex.Pattern.compile("<@&([0-9]+)>");

  private final GuildPayloads payloads;
  private final Snowflakes ids;

  /** How long Discord remembers an enforced nonce ("a few minutes"). */
  static final Duration NONCE_WINDOW = Duration.ofMinutes(5);

  private final Clock clock;
  private final Supplier<String> attachmentBase;
  private final Map<String, Channel> channels = new HashMap<>();
  private final Map<String, Message> messages = new LinkedHashMap<>();
  private final Map<String, Message> nonces = new HashMap<>();

  MessageStore(
      GuildPayloads payloads, Snowflakes ids, Clock clock, Supplier<String> attachmentBase) {
    this.payloads = payloads;
    this.ids = ids;
    this.clock = clock;
    this.attachmentBase = attachmentBase;
    payloads
        .guild()
        .channels()
        .forEach(c -> channels.put(c.id(), new Channel(c.id(), null, c.botMaySend())));
  }

  /** Posts to a channel or thread as the bot, checking existence, permission and limits. */
  synchronized ObjectNode post(String channelId, Body body) {
    Channel channel = writableChannel(channelId);
    MessageLimits.check(body.json());
    String nonce = body.json().path("nonce").asText("");
    if (!nonce.isEmpty() && body.json().path("enforce_nonce").asBoolean(false)) {
      // Discord: with enforce_nonce, a nonce the author used in the channel during the last few
      // minutes returns that message instead of creating another.
      Message earlier = nonces.get(channel.id + "/" + nonce);
      if (earlier != null
          && Duration.between(earlier.createdAt, clock.instant()).compareTo(NONCE_WINDOW) < 0) {
        return (ObjectNode) earlier.versions.getLast().json().deepCopy();
      }
    }
    Message message = new Message(ids.next(), channel.id, Via.CHANNEL, now());
    message.createdAt = clock.instant();
    if (!nonce.isEmpty()) {
      nonces.put(channel.id + "/" + nonce, message);
    }
    message.versions.add(render(message, body.json(), attachments(body, List.of()), false));
    messages.put(message.id, message);
    channel.messageIds.add(message.id);
    return (ObjectNode) message.versions.getLast().json().deepCopy();
  }

  /** Stores a message sent through an interaction; in the channel's history unless ephemeral. */
  synchronized ObjectNode postInteraction(String channelId, Body body) {
    MessageLimits.check(body.json());
    Message message = new Message(ids.next(), channelId, Via.INTERACTION, now());
    message.versions.add(render(message, body.json(), attachments(body, List.of()), false));
    messages.put(message.id, message);
    Channel channel = channels.get(channelId);
    if (channel != null && (message.versions.getLast().flags() & 64) == 0) {
      channel.messageIds.add(message.id);
    }
    return (ObjectNode) message.versions.getLast().json().deepCopy();
  }

  /** Edits a message: the fields present in the body replace the current ones. */
  synchronized ObjectNode edit(String channelId, String messageId, Body body) {
    Message message = messages.get(messageId);
    if (message == null || (channelId != null && !message.channelId.equals(channelId))) {
      throw DiscordError.unknownMessage();
    }
    Version current = message.versions.getLast();
    ObjectNode merged = (ObjectNode) current.json().deepCopy();
    for (String field : new String[] {"content", "embeds", "components"}) {
      if (body.json().has(field)) {
        merged.set(field, body.json().get(field));
      }
    }
    int flags = current.flags() & ~128; // an edit ends the "thinking…" state of a deferred reply
    if (body.json().has("flags")) {
      flags = (flags & 64) | (body.json().get("flags").asInt() & ~64);
    }
    merged.put("flags", flags);
    MessageLimits.check(merged);
    message.versions.add(render(message, merged, attachments(body, current.attachments()), true));
    return (ObjectNode) message.versions.getLast().json().deepCopy();
  }

  /** Deletes a message: it leaves its channel's history and can no longer be found. */
  synchronized void delete(String messageId) {
    Message message = messages.remove(messageId);
    if (message == null) {
      throw DiscordError.unknownMessage();
    }
    Channel channel = channels.get(message.channelId);
    if (channel != null) {
      channel.messageIds.remove(message.id);
    }
  }

  synchronized ObjectNode get(String channelId, String messageId) {
    if (!channels.containsKey(channelId)) {
      throw DiscordError.unknownChannel();
    }
    Message message = messages.get(messageId);
    if (message == null || !message.channelId.equals(channelId)) {
      throw DiscordError.unknownMessage();
    }
    return (ObjectNode) message.versions.getLast().json().deepCopy();
  }

  synchronized ArrayNode history(String channelId, int limit) {
    Channel channel = channels.get(channelId);
    if (channel == null) {
      throw DiscordError.unknownChannel();
    }
    ArrayNode newestFirst = Json.array();
    for (int i = channel.messageIds.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
      newestFirst.add(messages.get(channel.messageIds.get(i)).versions.getLast().json().deepCopy());
    }
    return newestFirst;
  }

  /** Starts a public thread (type 11) from a message; Discord gives it the message's id. */
  synchronized ObjectNode startThread(String channelId, String messageId, JsonNode request) {
    Channel parent = writableChannel(channelId);
    Message starter = messages.get(messageId);
    if (starter == null || !starter.channelId.equals(channelId)) {
      throw DiscordError.unknownMessage();
    }
    if (starter.threadId != null) {
      throw new DiscordError(
          400, 160004, "A thread has already been created for this message", null);
    }
    String name = request.path("name").asText("");
    if (name.isEmpty() || name.length() > 100) {
      var errors = Json.object();
      errors
          .putObject("name")
          .putArray("_errors")
          .addObject()
          .put("code", "BASE_TYPE_BAD_LENGTH")
          .put("message", "Must be between 1 and 100 in length.");
      throw DiscordError.invalidFormBody(errors);
    }
    Channel thread = new Channel(messageId, parent.id, parent.botMaySend);
    thread.threadJson =
        threadJson(messageId, parent.id, name, request.path("auto_archive_duration").asInt(1440));
    channels.put(thread.id, thread);
    starter.threadId = thread.id;
    Version current = starter.versions.getLast();
    ObjectNode json = (ObjectNode) current.json().deepCopy();
    json.put("flags", current.flags() | 32); // HAS_THREAD
    json.set("thread", thread.threadJson.deepCopy());
    starter.versions.set(starter.versions.size() - 1, Version.of(json, current.attachments()));
    return thread.threadJson.deepCopy();
  }

  synchronized ObjectNode threadJson(String threadId) {
    Channel thread = channels.get(threadId);
    return thread == null || thread.threadJson == null ? null : thread.threadJson.deepCopy();
  }

  synchronized boolean isChannel(String channelId) {
    return channels.containsKey(channelId);
  }

  synchronized List<FakeMessage> messages(String channelId) {
    Channel channel = channels.get(channelId);
    if (channel == null) {
      throw new IllegalArgumentException(
          "no channel or thread " + channelId + " in the fake guild");
    }
    return channel.messageIds.stream().map(id -> messages.get(id).snapshot()).toList();
  }

  synchronized FakeMessage message(String messageId) {
    Message message = messages.get(messageId);
    return message == null ? null : message.snapshot();
  }

  synchronized Attachment attachment(String attachmentId) {
    for (Message message : messages.values()) {
      for (Version version : message.versions) {
        for (Attachment attachment : version.attachments()) {
          if (attachment.id().equals(attachmentId)) {
            return attachment;
          }
        }
      }
    }
    return null;
  }

  private Channel writableChannel(String channelId) {
    Channel channel = channels.get(channelId);
    if (channel == null) {
      throw DiscordError.unknownChannel();
    }
    if (!channel.botMaySend) {
      throw DiscordError.missingPermissions();
    }
    return channel;
  }

  /**
   * The attachments after a post or edit: those the body's {@code attachments} array keeps by id,
   * then the uploaded files it names ({@code files[n]} for the entry with id n).
   */
  private List<Attachment> attachments(Body body, List<Attachment> existing) {
    JsonNode requested = body.json().get("attachments");
    if (requested == null) {
      var all = new ArrayList<>(existing);
      body.files().values().forEach(part -> all.add(upload(part, part.filename())));
      return all;
    }
    var result = new ArrayList<Attachment>();
    for (JsonNode entry : requested) {
      String id = entry.path("id").asText();
      Multipart.Part part = body.files().get("files[" + id + "]");
      if (part != null) {
        result.add(upload(part, entry.path("filename").asText(part.filename())));
      } else {
        existing.stream().filter(a -> a.id().equals(id)).findFirst().ifPresent(result::add);
      }
    }
    return result;
  }

  private Attachment upload(Multipart.Part part, String filename) {
    String type = part.contentType() == null ? "application/octet-stream" : part.contentType();
    return new Attachment(ids.next(), filename, type, part.bytes());
  }

  private Version render(
      Message message, JsonNode body, List<Attachment> attachments, boolean edit) {
    ObjectNode m = Json.object().put("id", message.id);
    m.put("type", message.via == Via.INTERACTION ? 20 : 0);
    m.put("channel_id", message.channelId).put("guild_id", payloads.guild().id());
    m.set("author", payloads.botUser());
    m.put("content", body.path("content").asText(""));
    m.put("timestamp", message.created);
    if (edit) {
      m.put("edited_timestamp", now());
    } else {
      m.putNull("edited_timestamp");
    }
    m.put("tts", false).put("mention_everyone", false).put("pinned", false);
    m.putArray("mentions");
    ArrayNode mentionRoles = m.putArray("mention_roles");
    pingedRoles(body).forEach(mentionRoles::add);
    ArrayNode embeds = m.putArray("embeds");
    for (JsonNode embed : body.path("embeds")) {
      embeds.add(((ObjectNode) embed.deepCopy()).put("type", "rich"));
    }
    m.set("components", body.has("components") ? body.get("components").deepCopy() : Json.array());
    ArrayNode files = m.putArray("attachments");
    for (Attachment a : attachments) {
      String url = attachmentBase.get() + a.id() + "/" + a.filename();
      files
          .addObject()
          .put("id", a.id())
          .put("filename", a.filename())
          .put("size", a.bytes().length)
          .put("url", url)
          .put("proxy_url", url)
          .put("content_type", a.contentType());
    }
    m.put("flags", body.path("flags").asInt(0));
    if (message.via == Via.INTERACTION) {
      m.put("webhook_id", payloads.guild().bot().applicationId());
      m.put("application_id", payloads.guild().bot().applicationId());
    }
    if (message.threadId != null) {
      m.put("flags", m.get("flags").asInt() | 32);
      m.set("thread", channels.get(message.threadId).threadJson.deepCopy());
    }
    return Version.of(m, attachments);
  }

  /**
   * The roles a message pings, as Discord computes {@code mention_roles}: those mentioned in its
   * content ({@code <@&id>}) that its {@code allowed_mentions} allows (all when it has none).
   */
  private static List<String> pingedRoles(JsonNode body) {
    var roles = new ArrayList<String>();
    java.util.regex.Matcher mention = ROLE_MENTION.matcher(body.path("content").asText(""));
    JsonNode allowed = body.get("allowed_mentions");
    while (mention.find()) {
      String id = mention.group(1);
      boolean pings =
          allowed == null
              || Json.contains(allowed.path("parse"), "roles")
              || Json.contains(allowed.path("roles"), id);
      if (pings && !roles.contains(id)) {
        roles.add(id);
      }
    }
    return roles;
  }

  private ObjectNode threadJson(String id, String parentId, String name, int autoArchive) {
    String now = now();
    ObjectNode t = Json.object().put("id", id).put("type", 11);
    t.put("guild_id", payloads.guild().id()).put("parent_id", parentId).put("name", name);
    t.put("owner_id", payloads.guild().bot().userId()).putNull("last_message_id");
    t.put("message_count", 0).put("total_message_count", 0).put("member_count", 1);
    t.put("rate_limit_per_user", 0).put("flags", 0);
    ObjectNode meta = t.putObject("thread_metadata");
    meta.put("archived", false).put("locked", false).put("auto_archive_duration", autoArchive);
    meta.put("archive_timestamp", now).put("create_timestamp", now);
    ObjectNode member = t.putObject("member").put("id", id);
    member
        .put("user_id", payloads.guild().bot().userId())
        .put("join_timestamp", now)
        .put("flags", 0);
    return t;
  }

  private String now() {
    return Json.timestamp(clock.instant());
  }
}
