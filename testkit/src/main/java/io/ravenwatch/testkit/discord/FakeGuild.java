package io.ravenwatch.testkit.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one guild a {@link DiscordFake} serves, with its text channels, roles, members and the bot.
 * Immutable: each {@code with…} method returns a new guild.
 *
 * <pre>{@code
 * var guild = FakeGuild.of("100", "ops")
 *     .withChannel("200", "alerts")
 *     .withReadOnlyChannel("201", "announcements") // the bot may not post here
 *     .withRole("300", "oncall")
 *     .withMember("400", "alice", "300");
 * }</pre>
 *
 * <p>Ids are Discord snowflakes: decimal numbers (JDA parses them as {@code long}).
 *
 * @param id the guild id; also the id of its {@code @everyone} role
 * @param bot the bot user, its token and its guild permissions
 */
public record FakeGuild(
    String id,
    String name,
    FakeBot bot,
    List<FakeChannel> channels,
    List<FakeRole> roles,
    List<FakeMember> members) {

  /**
   * VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | ADD_REACTIONS | USE_APPLICATION_COMMANDS.
   */
  public static final long EVERYONE_PERMISSIONS =
      (1L << 10) | (1L << 11) | (1L << 16) | (1L << 6) | (1L << 31);

  /**
   * What a well-invited bot holds: view, send, embed links, attach files, history, mention, manage
   * messages, create public threads, send in threads, manage threads, create and manage events.
   */
  public static final long BOT_PERMISSIONS =
      (1L << 10)
          | (1L << 11)
          | (1L << 13)
          | (1L << 14)
          | (1L << 15)
          | (1L << 16)
          | (1L << 17)
          | (1L << 33)
          | (1L << 34)
          | (1L << 35)
          | (1L << 38)
          | (1L << 44);

  /** SEND_MESSAGES, denied on the bot's role in a read-only channel. */
  public static final long SEND_MESSAGES = 1L << 11;

  public FakeGuild {
    requireSnowflake(id, "guild id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bot, "bot");
    channels = List.copyOf(channels);
    roles = List.copyOf(roles);
    members = List.copyOf(members);
  }

  /**
   * A guild with the default bot ({@link FakeBot#standard()}) and no channels, roles or members.
   */
  public static FakeGuild of(String id, String name) {
    return new FakeGuild(id, name, FakeBot.standard(), List.of(), List.of(), List.of());
  }

  /** Adds a text channel where the bot may post. */
  public FakeGuild withChannel(String channelId, String channelName) {
    return withChannel(new FakeChannel(channelId, channelName, true));
  }

  /** Adds a text channel whose permission overwrites deny the bot's role SEND_MESSAGES. */
  public FakeGuild withReadOnlyChannel(String channelId, String channelName) {
    return withChannel(new FakeChannel(channelId, channelName, false));
  }

  public FakeGuild withChannel(FakeChannel channel) {
    return new FakeGuild(id, name, bot, plus(channels, channel), roles, members);
  }

  /** Adds a role with no permissions of its own. */
  public FakeGuild withRole(String roleId, String roleName) {
    return new FakeGuild(
        id, name, bot, channels, plus(roles, new FakeRole(roleId, roleName, 0)), members);
  }

  /** Adds a member holding the given roles. */
  public FakeGuild withMember(String userId, String userName, String... roleIds) {
    var member = new FakeMember(userId, userName, List.of(roleIds));
    return new FakeGuild(id, name, bot, channels, roles, plus(members, member));
  }

  public FakeGuild withBot(FakeBot newBot) {
    return new FakeGuild(id, name, newBot, channels, roles, members);
  }

  /** The role Discord creates for the bot when it joins; it carries the bot's permissions. */
  public String botRoleId() {
    return Long.toString(Long.parseLong(bot.userId()) + 1);
  }

  FakeChannel channel(String channelId) {
    return channels.stream().filter(c -> c.id().equals(channelId)).findFirst().orElse(null);
  }

  FakeMember member(String userId) {
    return members.stream()
        .filter(m -> m.userId().equals(userId))
        .findFirst()
        .orElse(new FakeMember(userId, "user" + userId, List.of()));
  }

  long permissionsOf(FakeMember member) {
    long permissions = EVERYONE_PERMISSIONS;
    for (FakeRole role : roles) {
      if (member.roleIds().contains(role.id())) {
        permissions |= role.permissions();
      }
    }
    return permissions;
  }

  private static <T> List<T> plus(List<T> list, T item) {
    var copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  static void requireSnowflake(String value, String what) {
    if (value == null || !value.matches("[0-9]{1,19}")) {
      throw new IllegalArgumentException(what + " must be a decimal snowflake. Found: " + value);
    }
  }

  /**
   * A text channel (type 0).
   *
   * @param botMaySend false to deny the bot's role SEND_MESSAGES in the channel's overwrites
   */
  public record FakeChannel(String id, String name, boolean botMaySend) {
    public FakeChannel {
      requireSnowflake(id, "channel id");
      Objects.requireNonNull(name, "name");
    }
  }

  /** A role; {@code permissions} is Discord's permission bit set. */
  public record FakeRole(String id, String name, long permissions) {
    public FakeRole {
      requireSnowflake(id, "role id");
      Objects.requireNonNull(name, "name");
    }
  }

  /** A guild member and the ids of its roles. */
  public record FakeMember(String userId, String name, List<String> roleIds) {
    public FakeMember {
      requireSnowflake(userId, "user id");
      roleIds = List.copyOf(roleIds);
    }
  }

  /**
   * The bot user.
   *
   * @param applicationId the application the bot belongs to (Discord gives a bot's application the
   *     bot user's id)
   * @param permissions the permissions of the bot's role ({@link #BOT_PERMISSIONS} by default)
   */
  public record FakeBot(
      String userId, String name, String token, String applicationId, long permissions) {
    public FakeBot {
      requireSnowflake(userId, "bot user id");
      requireSnowflake(applicationId, "application id");
      Objects.requireNonNull(token, "token");
    }

    /** User and application id 900000000000000001, name "Ravenwatch", token "fake-bot-token". */
    public static FakeBot standard() {
      return new FakeBot(
          "900000000000000001",
          "Ravenwatch",
          "fake-bot-token",
          "900000000000000001",
          BOT_PERMISSIONS);
    }
  }
}
