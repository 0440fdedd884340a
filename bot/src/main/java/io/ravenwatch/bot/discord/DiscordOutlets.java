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
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * thread). The engine restores both after a restart, as the alert channel itself does.
 *
 * <p>It posts through the {@link DiscordLink} the alert notifier uses. What cannot go out now — the
 * bot not logged in yet, the gateway or REST down — waits in the alert store ({@link PendingPosts})
 * and is posted in order once Discord is back (tried every 5 s, and before each new post), also
 * after a restart; an announcement carries its key as an enforced nonce, so one whose answer was
 * lost is not posted twice. An action is never failed by its announcement.
 */
public final class DiscordOutlets implements ChatOutlets, AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(DiscordOutlets.class);

  /** How often what is pending is tried again while Discord is away. */
  private static final Duration RETRY_EVERY = Duration.ofSeconds(5);

  private final DiscordConfig config;
  private final DiscordLink link;
  private final AlertEngine engine;
  private final DiscordNotifier threads;
  private final PendingPosts pending;
  private final ScheduledExecutorService retries;

  /**
   * @param engine the alert engine with its open incidents, outbox and store (where posts wait
   *     while Discord is away); null when alerting is disabled (then there are no incidents, and
   *     what cannot be posted at once is lost, logged)
   */
  public DiscordOutlets(DiscordConfig config, DiscordLink link, AlertEngine engine) {
    this.config = config;
    this.link = link;
    this.engine = engine;
    Clock clock = Clock.system(ZoneOffset.UTC);
    // Posts into incident threads exactly as the alert receiver does (same thread lookup).
    this.threads =
        new DiscordNotifier(
            config.alertReceiverName(), new DiscordNotifierType.Settings(null, null), link, clock);
    this.pending = engine == null ? null : new PendingPosts(engine.store(), clock);
    // Without a store nothing waits, so nothing is tried again.
    this.retries =
        pending == null
            ? null
            : Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("discord-pending").daemon().factory());
    if (retries != null) {
      retries.scheduleWithFixedDelay(
          this::drainQuietly, 0, RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public Optional<String> announce(ChatMessage message) {
    if (config.channels().announcements() == null) {
      logger.debug("No announcements channel configured: announcement not posted");
      return Optional.empty();
    }
    return Optional.ofNullable(submit(PendingPosts.Post.announcement(message)).id());
  }

  @Override
  public Optional<String> scheduleEvent(ScheduledEvent event) {
    if (config.guild() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(submit(PendingPosts.Post.event(event)).id());
  }

  @Override
  public int toIncidents(String target, String text) {
    if (engine == null) {
      return 0;
    }
    return submit(PendingPosts.Post.incidentLine(target, text)).threads();
  }

  /**
   * What became of one post.
   *
   * @param done Discord took it (or it can never be posted: logged); false: try again later
   * @param id the message's or event's id, when there is one
   * @param threads how many incident threads got the line
   */
  private record Sent(boolean done, String id, int threads) {
    static final Sent LATER = new Sent(false, null, 0);
  }

  /**
   * Keeps the post on disk and posts everything pending in order; without a store, posts at once.
   */
  private synchronized Sent submit(PendingPosts.Post post) {
    if (pending == null) {
      Sent sent = post(post, "");
      if (!sent.done()) {
        logger.warn("Discord is not reachable and there is no store to keep it: post dropped");
      }
      return sent;
    }
    String key;
    try {
      key = pending.add(post);
    } catch (RuntimeException e) {
      logger.warn("Could not keep a Discord post for later ({}); posting it now", e.toString());
      return post(post, "");
    }
    return drain().getOrDefault(key, Sent.LATER);
  }

  /** Posts what is pending, oldest first, stopping at the first that must wait. */
  synchronized Map<String, Sent> drain() {
    var results = new HashMap<String, Sent>();
    if (pending == null || link.jda().isEmpty()) {
      return results;
    }
    for (Map.Entry<String, PendingPosts.Post> e : pending.pending().entrySet()) {
      Sent sent = post(e.getValue(), e.getKey());
      if (!sent.done()) {
        break; // keep the order: the rest waits behind it
      }
      pending.done(e.getKey());
      results.put(e.getKey(), sent);
    }
    return results;
  }

  private void drainQuietly() {
    try {
      drain();
    } catch (RuntimeException e) {
      logger.warn("Could not post what waits for Discord: {}", e.toString());
    }
  }

  private Sent post(PendingPosts.Post post, String key) {
    Optional<JDA> jda = link.jda();
    if (jda.isEmpty()) {
      return Sent.LATER;
    }
    try {
      if (post.message() != null) {
        return announce(jda.get(), post.message(), key);
      }
      if (post.event() != null) {
        return createEvent(jda.get(), post.event());
      }
      return new Sent(true, null, postToIncidents(post.target(), post.text()));
    } catch (RuntimeException e) {
      logger.warn("Could not post to Discord, will try again: {}", e.toString());
      return Sent.LATER;
    }
  }

  private Sent announce(JDA jda, ChatMessage message, String key) {
    String channelId = config.channels().announcements();
    TextChannel channel = jda.getTextChannelById(channelId);
    if (channel == null) {
      logger.warn("Announcements channel {} is not a text channel of the guild", channelId);
      return new Sent(true, null, 0);
    }
    var send = channel.sendMessage(DiscordMessages.create(message)).setAllowedMentions(List.of());
    if (!key.isEmpty()) {
      // Sent again after a lost answer or a crash: Discord returns the first message instead.
      send.setNonce("rw" + key);
    }
    return new Sent(true, send.complete().getId(), 0);
  }

  private Sent createEvent(JDA jda, ScheduledEvent event) {
    Guild guild = jda.getGuildById(config.guild());
    if (guild == null) {
      logger.warn("Guild {} not available: event {} not created", config.guild(), event.name());
      return Sent.LATER;
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
    return new Sent(true, created.getId(), 0);
  }

  private int postToIncidents(String target, String text) {
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

  /** Stops trying again; what is pending stays in the store for the next start. */
  @Override
  public void close() {
    if (retries != null) {
      retries.shutdownNow();
    }
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
