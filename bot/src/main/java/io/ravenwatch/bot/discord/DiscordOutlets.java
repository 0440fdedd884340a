package io.ravenwatch.bot.discord;

import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.route.NotificationRouter;
import io.ravenwatch.alerts.store.OutboxEntry;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.ChatOutlets;
import io.ravenwatch.bot.chat.DiscordConfig;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.bot.discord.alert.DiscordLink;
import io.ravenwatch.bot.discord.alert.DiscordNotifier;
import io.ravenwatch.bot.discord.alert.DiscordNotifierType;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where actions post on Discord besides their reply: the announcements channel ({@code
 * discord.channels.announcements}), guild scheduled events (external, with the scope as location),
 * and the timeline thread of each open incident about a target.
 *
 * <p>Open incidents come from the alert engine ({@code openIncidents()}: the targets each concerns
 * and, per receiver, the outbox id of the FIRING notification that opened it); that outbox entry
 * holds the Discord message id the notifier returned (an {@code IncidentRef}: channel, message,
 * thread). The engine restores both after a restart, as the alert channel itself does. It posts
 * through the {@link DiscordLink} the alert notifier uses, so it works once the bot has logged in;
 * before that (and on any failure) it logs and reports nothing posted — an action is never failed
 * by its announcement.
 */
public final class DiscordOutlets implements ChatOutlets {
  private static final Logger logger = LoggerFactory.getLogger(DiscordOutlets.class);

  private final DiscordConfig config;
  private final DiscordLink link;
  private final AlertEngine engine;
  private final DiscordNotifier threads;

  /**
   * @param engine the alert engine with its open incidents and outbox; null when alerting is
   *     disabled (then there are no incidents)
   */
  public DiscordOutlets(DiscordConfig config, DiscordLink link, AlertEngine engine) {
    this.config = config;
    this.link = link;
    this.engine = engine;
    // Posts into incident threads exactly as the alert receiver does (same thread lookup).
    this.threads =
        new DiscordNotifier(
            config.alertReceiverName(),
            new DiscordNotifierType.Settings(null, null),
            link,
            Clock.system(ZoneOffset.UTC));
  }

  @Override
  public Optional<String> announce(ChatMessage message) {
    String channelId = config.channels().announcements();
    if (channelId == null) {
      logger.debug("No announcements channel configured: announcement not posted");
      return Optional.empty();
    }
    Optional<JDA> jda = link.jda();
    if (jda.isEmpty()) {
      logger.warn("Not logged in to Discord: announcement not posted");
      return Optional.empty();
    }
    try {
      TextChannel channel = jda.get().getTextChannelById(channelId);
      if (channel == null) {
        logger.warn("Announcements channel {} is not a text channel of the guild", channelId);
        return Optional.empty();
      }
      var sent =
          channel
              .sendMessage(DiscordMessages.create(message))
              .setAllowedMentions(List.of())
              .complete();
      return Optional.of(sent.getId());
    } catch (RuntimeException e) {
      logger.warn("Could not post the announcement: {}", e.toString());
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> scheduleEvent(ScheduledEvent event) {
    Optional<JDA> jda = link.jda();
    if (jda.isEmpty() || config.guild() == null) {
      logger.warn("Not logged in to Discord: event {} not created", event.name());
      return Optional.empty();
    }
    try {
      Guild guild = jda.get().getGuildById(config.guild());
      if (guild == null) {
        logger.warn("Guild {} not available: event {} not created", config.guild(), event.name());
        return Optional.empty();
      }
      var created =
          guild
              .createScheduledEvent(
                  Limits.cut(event.name(), 100),
                  Limits.cut(event.location().isBlank() ? "-" : event.location(), 100),
                  event.start().atOffset(ZoneOffset.UTC),
                  event.end().atOffset(ZoneOffset.UTC))
              .setDescription(Limits.cut(event.description(), 1000))
              .complete();
      return Optional.of(created.getId());
    } catch (RuntimeException e) {
      logger.warn("Could not create the event {}: {}", event.name(), e.toString());
      return Optional.empty();
    }
  }

  @Override
  public int toIncidents(String target, String text) {
    if (engine == null || link.jda().isEmpty()) {
      return 0;
    }
    int posted = 0;
    for (String messageId : incidentsOf(target)) {
      DeliveryResult r = threads.postToIncidentThread(messageId, text);
      if (r instanceof DeliveryResult.Delivered) {
        posted++;
      } else {
        logger.warn("Could not post to the incident thread of {}: {}", messageId, r);
      }
    }
    return posted;
  }

  /** The Discord message ids (incident references) of the open incidents about {@code target}. */
  List<String> incidentsOf(String target) {
    Set<String> refs = new LinkedHashSet<>();
    try {
      for (NotificationRouter.OpenIncident incident : engine.openIncidents()) {
        Long outboxId = incident.openedBy().get(config.alertReceiverName());
        if (outboxId == null || !incident.sources().contains(target)) {
          continue;
        }
        engine
            .store()
            .entry(outboxId)
            .map(OutboxEntry::messageId)
            .filter(id -> id != null && !id.isBlank())
            .ifPresent(refs::add);
      }
    } catch (RuntimeException e) {
      logger.warn("Could not read the open incidents: {}", e.toString());
      return List.of();
    }
    return new ArrayList<>(refs);
  }
}
