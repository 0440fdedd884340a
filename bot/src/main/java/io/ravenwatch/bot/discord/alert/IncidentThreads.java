package io.ravenwatch.bot.discord.alert;

import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.bot.command.Limits;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * Finds (or starts) the thread of an incident message and posts in it. The thread is found in JDA's
 * cache, else through its starter message (after a restart the cache may not hold it), else
 * started: Discord gives a thread started from a message that message's id.
 */
final class IncidentThreads {
  /** Discord: "A thread has already been created for this message". */
  private static final int THREAD_EXISTS = 160004;

  private static final Pattern ROLE = Pattern.compile("<@&([0-9]+)>");
  private static final Pattern USER = Pattern.compile("<@!?([0-9]+)>");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final DiscordLink link;

  IncidentThreads(DiscordLink link) {
    this.link = link;
  }

  /** A thread name for an incident (Discord: 1 to 100 characters). */
  String name(Notification n, Instant start) {
    return Limits.cut(AlertCard.groupName(n) + " · " + TIME.format(start), 100);
  }

  String name(String messageId) {
    return "incident " + messageId;
  }

  /**
   * Posts {@code text} in the incident's thread; {@code mention} (a role or user mention, or
   * {@code @here}) is the only mention allowed to ping.
   *
   * @return the thread
   */
  ThreadChannel post(IncidentRef ref, String name, String text, String mention) {
    JDA jda = link.jda().orElseThrow(() -> new IllegalStateException("not logged in to Discord"));
    ThreadChannel thread = find(jda, ref, name);
    String content = mention.isEmpty() || text.contains(mention) ? text : mention + " " + text;
    MessageCreateAction send =
        thread.sendMessage(Limits.cut(content, 2000)).setAllowedMentions(List.of());
    allow(send, mention);
    send.complete();
    return thread;
  }

  private static void allow(MessageRequest<?> request, String mention) {
    Matcher role = ROLE.matcher(mention);
    Matcher user = USER.matcher(mention);
    if (role.matches()) {
      request.mentionRoles(role.group(1));
    } else if (user.matches()) {
      request.mentionUsers(user.group(1));
    } else if (mention.equals("@here") || mention.equals("@everyone")) {
      request.setAllowedMentions(
          EnumSet.of(Message.MentionType.EVERYONE, Message.MentionType.HERE));
    }
  }

  private static ThreadChannel find(JDA jda, IncidentRef ref, String name) {
    String id = ref.hasThread() ? ref.threadId() : ref.messageId();
    ThreadChannel cached = jda.getThreadChannelById(id);
    if (cached != null) {
      return cached;
    }
    TextChannel channel = jda.getTextChannelById(ref.channelId());
    if (channel == null) {
      throw new IllegalStateException("unknown channel " + ref.channelId());
    }
    if (!ref.hasThread()) {
      try {
        return start(channel, ref, name);
      } catch (ErrorResponseException e) {
        if (e.getErrorCode() != THREAD_EXISTS) {
          throw e;
        }
      }
    }
    ThreadChannel started =
        channel.retrieveMessageById(ref.messageId()).complete().getStartedThread();
    if (started != null) {
      return started;
    }
    return start(channel, ref, name); // it was deleted: a new one
  }

  private static ThreadChannel start(TextChannel channel, IncidentRef ref, String name) {
    return channel
        .createThreadChannel(name, ref.messageId())
        .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK)
        .complete();
  }
}
