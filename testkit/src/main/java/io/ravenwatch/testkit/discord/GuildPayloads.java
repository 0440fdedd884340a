package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ravenwatch.testkit.discord.FakeGuild.FakeChannel;
import io.ravenwatch.testkit.discord.FakeGuild.FakeMember;
import io.ravenwatch.testkit.discord.FakeGuild.FakeRole;
import java.time.Instant;

/**
 * The JSON shapes of the guild, its channels, roles, members and users, with every field JDA 6
 * reads unconditionally (a missing array or an {@code afk_timeout} of 0 makes it throw).
 */
final class GuildPayloads {
  private final FakeGuild guild;
  private final String joinedAt;

  GuildPayloads(FakeGuild guild, Instant joinedAt) {
    this.guild = guild;
    this.joinedAt = Json.timestamp(joinedAt);
  }

  ObjectNode botUser() {
    return user(guild.bot().userId(), guild.bot().name()).put("bot", true);
  }

  ObjectNode user(String id, String name) {
    ObjectNode user = Json.object().put("id", id).put("username", name);
    user.put("discriminator", "0").put("global_name", name).putNull("avatar");
    return user.put("public_flags", 0);
  }

  ObjectNode ready(String sessionId, String resumeUrl) {
    ObjectNode d = Json.object().put("v", 10);
    d.set("user", botUser().put("verified", true).put("mfa_enabled", false));
    d.putArray("guilds").addObject().put("id", guild.id()).put("unavailable", true);
    d.put("session_id", sessionId).put("session_type", "normal");
    d.put("resume_gateway_url", resumeUrl);
    d.putObject("application").put("id", guild.bot().applicationId()).put("flags", 0);
    d.putArray("private_channels");
    d.putArray("presences");
    d.putArray("relationships");
    d.putArray("guild_join_requests");
    d.putArray("_trace").add("[\"ravenwatch-discord-fake\"]");
    return d;
  }

  ObjectNode guildCreate() {
    ObjectNode g = guildObject();
    g.put("name", guild.name()).put("owner_id", "1").put("afk_timeout", 300);
    g.put("joined_at", joinedAt).put("large", false).put("unavailable", false);
    g.put("member_count", guild.members().size() + 1).put("verification_level", 0);
    g.put("default_message_notifications", 0).put("explicit_content_filter", 0);
    g.put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0);
    g.put("premium_progress_bar_enabled", false).put("system_channel_flags", 0);
    ArrayNode roles = g.putArray("roles");
    roles.add(role(guild.id(), "@everyone", FakeGuild.EVERYONE_PERMISSIONS, 0, false));
    roles.add(role(guild.botRoleId(), guild.bot().name(), guild.bot().permissions(), 1, true));
    int position = 2;
    for (FakeRole role : guild.roles()) {
      roles.add(role(role.id(), role.name(), role.permissions(), position++, false));
    }
    ArrayNode channels = g.putArray("channels");
    int channelPosition = 0;
    for (FakeChannel channel : guild.channels()) {
      channels.add(channel(channel, channelPosition++));
    }
    ArrayNode members = g.putArray("members");
    members.add(botMember());
    guild.members().forEach(m -> members.add(member(m)));
    for (String array :
        new String[] {
          "threads",
          "guild_scheduled_events",
          "emojis",
          "stickers",
          "voice_states",
          "presences",
          "stage_instances",
          "soundboard_sounds",
          "features"
        }) {
      g.putArray(array);
    }
    return g;
  }

  /** The partial guild an interaction carries. */
  ObjectNode guildObject() {
    ObjectNode g = Json.object().put("id", guild.id()).put("preferred_locale", "en-US");
    g.put("locale", "en-US");
    g.putArray("features");
    return g;
  }

  ObjectNode channel(FakeChannel channel, int position) {
    ObjectNode c = Json.object().put("id", channel.id()).put("type", 0);
    c.put("guild_id", guild.id()).put("name", channel.name()).put("position", position);
    c.putNull("parent_id").putNull("topic").put("nsfw", false).put("rate_limit_per_user", 0);
    c.putNull("last_message_id");
    ArrayNode overwrites = c.putArray("permission_overwrites");
    if (!channel.botMaySend()) {
      ObjectNode deny = overwrites.addObject().put("id", guild.botRoleId()).put("type", 0);
      deny.put("allow", "0").put("deny", Long.toString(FakeGuild.SEND_MESSAGES));
    }
    return c;
  }

  private ObjectNode role(String id, String name, long permissions, int position, boolean managed) {
    ObjectNode r = Json.object().put("id", id).put("name", name);
    r.put("permissions", Long.toString(permissions)).put("position", position);
    r.put("color", 0).put("hoist", false).put("managed", managed).put("mentionable", false);
    r.putNull("icon").putNull("unicode_emoji").put("flags", 0);
    r.putObject("colors")
        .put("primary_color", 0)
        .putNull("secondary_color")
        .putNull("tertiary_color");
    if (managed) {
      r.putObject("tags").put("bot_id", guild.bot().userId());
    }
    return r;
  }

  ObjectNode botMember() {
    ObjectNode m = memberBase(botUser());
    m.putArray("roles").add(guild.botRoleId());
    return m;
  }

  ObjectNode member(FakeMember member) {
    ObjectNode m = memberBase(user(member.userId(), member.name()));
    ArrayNode roles = m.putArray("roles");
    member.roleIds().forEach(roles::add);
    return m;
  }

  private ObjectNode memberBase(ObjectNode user) {
    ObjectNode m = Json.object();
    m.set("user", user);
    m.putNull("nick").putNull("avatar").put("joined_at", joinedAt).putNull("premium_since");
    m.put("deaf", false).put("mute", false).put("pending", false).put("flags", 0);
    m.putNull("communication_disabled_until");
    return m;
  }

  FakeGuild guild() {
    return guild;
  }
}
