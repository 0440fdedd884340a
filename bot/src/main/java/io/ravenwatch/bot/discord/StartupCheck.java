package io.ravenwatch.bot.discord;

import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.DiscordConfig;
import io.ravenwatch.bot.chat.Permissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * Checks the {@code discord:} section against the guild the bot sees once logged in, and lists
 * every problem at once, each naming the key to fix: the guild, each configured channel (exists, is
 * a text channel, the bot may post there with what it needs) and each role id.
 */
final class StartupCheck {
  /** The alerts channel gets embeds, graphs and a thread per incident. */
  static final EnumSet<Permission> ALERTS =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.MESSAGE_ATTACH_FILES,
          Permission.CREATE_PUBLIC_THREADS);

  static final EnumSet<Permission> POST =
      EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND);

  private StartupCheck() {}

  /** The problems found, empty when everything is as configured. */
  static List<String> problems(JDA jda, DiscordConfig config) {
    var problems = new ArrayList<String>();
    Guild guild = jda.getGuildById(config.guild());
    if (guild == null) {
      String in =
          jda.getGuilds().stream()
              .map(g -> g.getId() + " (" + g.getName() + ")")
              .collect(Collectors.joining(", "));
      problems.add(
          "discord.guild: expected a guild the bot is a member of. Found: "
              + config.guild()
              + " (the bot is in "
              + (in.isEmpty() ? "no guild" : in)
              + ")");
      return problems;
    }
    var channels = config.channels();
    channel(guild, "alerts", channels.alerts(), ALERTS, problems);
    channel(guild, "announcements", channels.announcements(), POST, problems);
    channel(guild, "audit", channels.audit(), POST, problems);
    for (Capability c : Capability.values()) {
      List<String> ids = config.roles().of(c);
      for (int i = 0; i < ids.size(); i++) {
        if (guild.getRoleById(ids.get(i)) == null) {
          problems.add(
              "discord.roles."
                  + Permissions.name(c)
                  + "["
                  + i
                  + "]: expected a role of guild "
                  + guild.getId()
                  + ". Found: "
                  + ids.get(i)
                  + " (no such role)");
        }
      }
    }
    return problems;
  }

  private static void channel(
      Guild guild, String key, String id, EnumSet<Permission> needed, List<String> problems) {
    if (id == null) {
      return;
    }
    String found;
    GuildChannel channel = guild.getGuildChannelById(id);
    if (channel == null) {
      found = "no such channel";
    } else if (!(channel instanceof TextChannel text)) {
      found = "a " + channel.getType().name().toLowerCase(Locale.ROOT) + " channel";
    } else {
      Member self = guild.getSelfMember();
      List<String> missing =
          needed.stream().filter(p -> !self.hasPermission(text, p)).map(Permission::name).toList();
      if (missing.isEmpty()) {
        return;
      }
      found =
          "missing permission" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing);
    }
    problems.add(
        "discord.channels."
            + key
            + ": expected a text channel of guild "
            + guild.getId()
            + " the bot can post in. Found: "
            + id
            + " ("
            + found
            + ")");
  }
}
