package io.ravenwatch.bot.chat;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.probes.config.Validatable;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code discord:} section: the bot's token, guild, channels and which roles may do what.
 * Without a token (the key absent, or its environment variable unset) Ravenwatch runs the console
 * chat instead, with the same commands.
 *
 * <pre>{@code
 * discord:
 *   token: ${DISCORD_TOKEN}
 *   guild: 123456789012345678
 *   channels: {alerts: 223456789012345678, audit: 323456789012345678}
 *   roles:
 *     view: [423456789012345678]
 *     silence: [523456789012345678]
 * }</pre>
 *
 * @param token the bot token, as {@code ${ENV}}; null or empty: console chat
 * @param guild the guild (server) id the commands are registered in
 * @param channels where alerts, announcements and the audit trail go
 * @param roles the role ids granted each capability
 * @param consoleCapabilities what the local operator at the console may do (default: everything)
 * @param confirmTimeout how long a destructive command's plan waits for its confirmation
 * @param alertReceiverName the name of the receiver under {@code alerts.receivers} whose
 *     notifications the bot posts
 */
public record DiscordConfig(
    @OptionalKey Secret token,
    @OptionalKey String guild,
    @OptionalKey Channels channels,
    @OptionalKey Roles roles,
    @OptionalKey List<Capability> consoleCapabilities,
    @Default("60s") Duration confirmTimeout,
    @Default("discord") String alertReceiverName)
    implements Validatable {

  /** Discord ids (snowflakes) are 64-bit numbers: 17 to 20 digits today. */
  static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{17,20}");

  static final String SNOWFLAKE_EXPECTED = "a Discord id (17 to 20 digits)";

  public DiscordConfig {
    channels = Objects.requireNonNullElse(channels, Channels.NONE);
    roles = Objects.requireNonNullElse(roles, Roles.NONE);
    consoleCapabilities =
        consoleCapabilities == null ? List.of() : List.copyOf(consoleCapabilities);
  }

  /**
   * Channel ids; each may be absent.
   *
   * @param alerts where alert messages and their incident threads go (a receiver may name another)
   * @param announcements where maintenance is announced
   * @param audit where every chat action is recorded
   */
  public record Channels(
      @OptionalKey String alerts, @OptionalKey String announcements, @OptionalKey String audit) {
    static final Channels NONE = new Channels(null, null, null);
  }

  /**
   * Role ids granted each {@link Capability}; one key per capability, so an unknown capability name
   * is an unknown key.
   *
   * @param view see status, alerts, graphs and silences; run probes
   * @param ack acknowledge alerts
   * @param silence add and remove silences
   * @param maintenance announce and run maintenance windows
   * @param restart restart containers and services
   * @param failover fail a service over to its standby
   */
  public record Roles(
      @OptionalKey List<String> view,
      @OptionalKey List<String> ack,
      @OptionalKey List<String> silence,
      @OptionalKey List<String> maintenance,
      @OptionalKey List<String> restart,
      @OptionalKey List<String> failover) {
    static final Roles NONE = new Roles(null, null, null, null, null, null);

    public Roles {
      view = copy(view);
      ack = copy(ack);
      silence = copy(silence);
      maintenance = copy(maintenance);
      restart = copy(restart);
      failover = copy(failover);
    }

    private static List<String> copy(List<String> ids) {
      return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).toList();
    }

    /** The role ids granted {@code capability}. */
    public List<String> of(Capability capability) {
      return switch (capability) {
        case VIEW -> view;
        case ACK -> ack;
        case SILENCE -> silence;
        case MAINTENANCE -> maintenance;
        case RESTART -> restart;
        case FAILOVER -> failover;
      };
    }
  }

  /** Whether a token is configured and its environment variable set: Discord, not the console. */
  public boolean hasToken() {
    return token != null && !token.reveal().isBlank();
  }

  /** What the console operator may do. */
  public Set<Capability> consoleCapabilitySet() {
    return consoleCapabilities.isEmpty()
        ? EnumSet.noneOf(Capability.class)
        : EnumSet.copyOf(consoleCapabilities);
  }

  @Override
  public void validate(ConfigProblems problems) {
    if (guild != null && !SNOWFLAKE.matcher(guild).matches()) {
      problems.report("guild", SNOWFLAKE_EXPECTED, guild);
    }
    checkId(problems, "channels.alerts", channels.alerts());
    checkId(problems, "channels.announcements", channels.announcements());
    checkId(problems, "channels.audit", channels.audit());
    for (Capability c : Capability.values()) {
      List<String> ids = roles.of(c);
      for (int i = 0; i < ids.size(); i++) {
        checkId(problems, "roles." + Permissions.name(c) + "[" + i + "]", ids.get(i));
      }
    }
    if (hasToken()) {
      if (guild == null) {
        problems.report("guild", "the guild id (required when discord.token is set)", null);
      }
      if (channels.alerts() == null) {
        problems.report(
            "channels.alerts", "a channel id (required when discord.token is set)", null);
      }
    }
    if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
      problems.report("confirm_timeout", "a positive duration", confirmTimeout);
    }
    if (alertReceiverName.isBlank()) {
      problems.report("alert_receiver_name", "a receiver name", alertReceiverName);
    }
  }

  private static void checkId(ConfigProblems problems, String key, String id) {
    if (id != null && !SNOWFLAKE.matcher(id).matches()) {
      problems.report(key, SNOWFLAKE_EXPECTED, id);
    }
  }
}
