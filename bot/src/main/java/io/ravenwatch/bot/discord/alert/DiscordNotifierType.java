package io.ravenwatch.bot.discord.alert;

import io.ravenwatch.alerts.notify.NotifierType;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import java.util.regex.Pattern;

/**
 * The {@code discord} receiver type: alerts posted to a Discord channel by the bot, one message per
 * incident with its timeline in a thread.
 *
 * <pre>{@code
 * alerts:
 *   receivers:
 *     discord: {type: discord}                     # posts to discord.channels.alerts
 *     oncall: {type: discord, channel: "223456789012345678", mention_role: "423456789012345678"}
 * }</pre>
 *
 * <p>Register it where the {@code alerts:} section is bound: {@code
 * AlertsSection.section(NotifierRegistry.standard().register(DiscordNotifierType.TYPE))}; the
 * notifiers need a {@link DiscordLink} service in their {@code NotifierResources}.
 */
public final class DiscordNotifierType {
  private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{17,20}");

  /**
   * Settings of a {@code type: discord} receiver.
   *
   * @param channel the channel id to post in; default {@code discord.channels.alerts}
   * @param mentionRole the role id pinged on escalation when the route's {@code escalation.mention}
   *     is empty
   */
  public record Settings(@OptionalKey String channel, @OptionalKey String mentionRole)
      implements Validatable {
    @Override
    public void validate(ConfigProblems problems) {
      if (channel != null && !SNOWFLAKE.matcher(channel).matches()) {
        problems.report("channel", "a Discord channel id (17 to 20 digits)", channel);
      }
      if (mentionRole != null && !SNOWFLAKE.matcher(mentionRole).matches()) {
        problems.report("mention_role", "a Discord role id (17 to 20 digits)", mentionRole);
      }
    }
  }

  /** {@code type: discord}. */
  public static final NotifierType<Settings> TYPE =
      new NotifierType<>(
          "discord",
          Settings.class,
          (name, settings, resources) ->
              new DiscordNotifier(
                  name,
                  settings,
                  resources
                      .service(DiscordLink.class)
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "receiver "
                                      + name
                                      + " is of type discord but no DiscordLink was given to the"
                                      + " notifiers")),
                  resources.clock()));

  private DiscordNotifierType() {}
}
