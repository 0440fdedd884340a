package io.ravenwatch.bot.discord.alert;

import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notification.Kind;
import io.ravenwatch.alerts.api.Notifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord alert channel: one message per alert-group incident, edited as the incident changes
 * and turned green when it resolves (never a second message leaving the red one standing), with a
 * thread started from it holding the incident's timeline.
 *
 * <ul>
 *   <li>FIRING posts the message (embed + buttons, {@link AlertCard}), starts its thread and writes
 *       "fired" there. The id returned to the outbox is an {@link IncidentRef} — channel, message,
 *       thread, start — which the outbox persists and hands back with every later notification of
 *       the incident, so all of this works after a restart with a new JDA.
 *   <li>UPDATE and FLAPPING re-render the message from the group's current alerts; REPEAT,
 *       ESCALATION and ACKNOWLEDGED (which carry only the alerts concerned) change its status line;
 *       RESOLVED re-renders it green with the duration and without buttons. Each also appends its
 *       entry ({@link Timeline}) to the thread; an escalation pings the role ({@code
 *       notification.mention()}, else the receiver's {@code mention_role}).
 *   <li>Failures are data ({@link Failures}): Discord unavailable, unknown channel, missing access
 *       → retry later (the outbox keeps the order); a 400 → rejected. Posting is not repeated once
 *       Discord took the message: a thread that could not be started is started with the next
 *       notification.
 * </ul>
 *
 * <p>No mention in alert text ever pings anyone: only the escalation's own mention is allowed.
 */
public final class DiscordNotifier implements Notifier {
  private static final Logger logger = LoggerFactory.getLogger(DiscordNotifier.class);
  private static final int MAX_REMEMBERED = 10_000;

  private final String receiver;
  private final DiscordNotifierType.Settings settings;
  private final DiscordLink link;
  private final Clock clock;
  private final IncidentThreads threads;

  // What each incident message shows, to tell joined alerts apart in an UPDATE; lost on restart
  // (then the update just says what fires now).
  private final Map<String, Set<String>> shown = new ConcurrentHashMap<>();

  public DiscordNotifier(
      String receiver, DiscordNotifierType.Settings settings, DiscordLink link, Clock clock) {
    this.receiver = Objects.requireNonNull(receiver);
    this.settings = Objects.requireNonNull(settings);
    this.link = Objects.requireNonNull(link);
    this.clock = Objects.requireNonNull(clock);
    this.threads = new IncidentThreads(link);
  }

  @Override
  public DeliveryResult deliver(Notification n, String replyToMessageId) {
    JDA jda = link.jda().orElse(null);
    if (jda == null) {
      return DeliveryResult.retryLater(receiver + ": the bot is not logged in to Discord yet");
    }
    IncidentRef ref = null;
    if (replyToMessageId != null && !replyToMessageId.isBlank() && n.kind() != Kind.FIRING) {
      try {
        ref = IncidentRef.parse(replyToMessageId, channelId());
      } catch (IllegalArgumentException e) {
        logger.warn("{}: {}; posting a new message", receiver, e.getMessage());
      }
    }
    String doing = (ref == null ? "posting " : "updating ") + n.kind() + " #" + n.id();
    try {
      return ref == null ? open(jda, n) : follow(jda, n, ref);
    } catch (RuntimeException e) {
      return Failures.of(receiver, doing, e);
    }
  }

  /**
   * Posts a line to an incident's thread (e.g. "actions run"), starting the thread if needed.
   *
   * @param messageId the id {@link #deliver} returned for the incident (or a bare message id in
   *     this receiver's channel)
   */
  public DeliveryResult postToIncidentThread(String messageId, String text) {
    try {
      IncidentRef ref = IncidentRef.parse(messageId, channelId());
      threads.post(ref, threads.name(ref.messageId()), text, "");
      return DeliveryResult.delivered(ref.toString());
    } catch (IllegalArgumentException e) {
      return DeliveryResult.rejected(e.getMessage());
    } catch (RuntimeException e) {
      return Failures.of(receiver, "posting to the thread of " + messageId, e);
    }
  }

  /** The nonce of a notification's message: its outbox id, unique per receiver. */
  static String nonce(Notification n) {
    return "rw" + n.id();
  }

  /** A new incident message (a FIRING, or a notification whose first message is unknown). */
  private DeliveryResult open(JDA jda, Notification n) {
    String channelId = channelId();
    if (channelId == null) {
      logger.warn(
          "{}: no channel: set channel on the receiver or discord.channels.alerts", receiver);
      return DeliveryResult.retryLater(receiver + ": no Discord channel configured");
    }
    TextChannel channel = channel(jda, channelId);
    if (channel == null) {
      return unknownChannel(channelId);
    }
    Instant start = AlertCard.start(n);
    boolean resolved = n.kind() == Kind.RESOLVED;
    MessageEmbed embed =
        resolved ? AlertCard.resolved(n, start, "") : AlertCard.firing(n, start, status(n));
    Message message =
        channel
            .sendMessageEmbeds(embed)
            // Delivered again after a crash before the outbox recorded it: Discord answers with
            // the message the nonce created then, instead of posting a second one.
            .setNonce(nonce(n))
            .setComponents(resolved ? List.of() : AlertCard.buttons(n))
            .setAllowedMentions(List.of())
            .complete();
    var ref = new IncidentRef(channelId, message.getId(), "", start);
    remember(message.getId(), n);
    if (resolved) {
      return DeliveryResult.delivered(ref.toString());
    }
    // Discord has the message: from here on a failure must not make the outbox post it again.
    try {
      ThreadChannel thread =
          threads.post(ref, threads.name(n, start), Timeline.entry(n, null, "", start), "");
      ref = ref.withThread(thread.getId());
    } catch (RuntimeException e) {
      logger.warn(
          "{}: posted incident message {} but could not start its thread ({}); it is started with"
              + " the next notification",
          receiver,
          message.getId(),
          e.toString());
    }
    return DeliveryResult.delivered(ref.toString());
  }

  /** A later notification of an incident: edit its message, append to its thread. */
  private DeliveryResult follow(JDA jda, Notification n, IncidentRef ref) {
    TextChannel channel = channel(jda, ref.channelId());
    if (channel == null) {
      return unknownChannel(ref.channelId());
    }
    Instant start = ref.start() != null ? ref.start() : AlertCard.start(n);
    String mention = "";
    switch (n.kind()) {
      case UPDATE, FLAPPING -> {
        channel
            .editMessageEmbedsById(ref.messageId(), AlertCard.firing(n, start, status(n)))
            .setComponents(AlertCard.buttons(n))
            .setAllowedMentions(List.of())
            .complete();
      }
      case RESOLVED -> {
        channel
            .editMessageEmbedsById(ref.messageId(), AlertCard.resolved(n, start, ""))
            .setComponents(List.<ActionRow>of())
            .setAllowedMentions(List.of())
            .complete();
      }
      case REPEAT, ESCALATION, ACKNOWLEDGED, FIRING -> {
        mention = n.kind() == Kind.ESCALATION ? mention(n) : "";
        String marker = StatusLine.marker(n, mention, clock.instant());
        MessageEmbed current = currentEmbed(channel, ref);
        if (current != null) {
          channel
              .editMessageEmbedsById(ref.messageId(), StatusLine.with(current, marker))
              .setAllowedMentions(List.of())
              .complete();
        }
      }
    }
    Set<String> known = shown.get(ref.messageId());
    String entry = Timeline.entry(n, known, mention, start);
    ThreadChannel thread = threads.post(ref, threads.name(n, start), entry, mention);
    if (n.kind() == Kind.RESOLVED) {
      shown.remove(ref.messageId());
    } else if (n.kind() == Kind.UPDATE || n.kind() == Kind.FLAPPING) {
      remember(ref.messageId(), n);
    }
    return DeliveryResult.delivered(ref.withThread(thread.getId()).toString());
  }

  private MessageEmbed currentEmbed(TextChannel channel, IncidentRef ref) {
    List<MessageEmbed> embeds = channel.retrieveMessageById(ref.messageId()).complete().getEmbeds();
    return embeds.isEmpty() ? null : embeds.getFirst();
  }

  /** The escalation's mention: the route's, else the receiver's role. */
  private String mention(Notification n) {
    if (!n.mention().isBlank()) {
      String m = n.mention().strip();
      return m.matches("[0-9]{5,20}") ? "<@&" + m + ">" : m;
    }
    return settings.mentionRole() == null ? "" : "<@&" + settings.mentionRole() + ">";
  }

  /** Who acknowledged, for the status line of a re-rendered message. */
  private static String status(Notification n) {
    String by =
        n.alerts().stream()
            .map(AlertSummary::ackedBy)
            .filter(Objects::nonNull)
            .distinct()
            .collect(Collectors.joining(", "));
    return by.isEmpty() ? "" : "✋ Acknowledged by " + by;
  }

  private void remember(String messageId, Notification n) {
    if (shown.size() >= MAX_REMEMBERED) {
      shown.clear();
    }
    var active = new ArrayList<String>();
    n.alerts().stream().filter(a -> a.state().active()).forEach(a -> active.add(a.fingerprint()));
    shown.put(messageId, Set.copyOf(active));
  }

  private String channelId() {
    return settings.channel() != null ? settings.channel() : link.alertsChannel().orElse(null);
  }

  private static TextChannel channel(JDA jda, String id) {
    return jda.getTextChannelById(id);
  }

  private DeliveryResult unknownChannel(String channelId) {
    logger.warn(
        "{}: channel {} is not a text channel of the bot's guild (or the bot is still loading its"
            + " guild); retrying later",
        receiver,
        channelId);
    return DeliveryResult.retryLater(receiver + ": unknown channel " + channelId);
  }

  @Override
  public String toString() {
    return "discord:" + receiver;
  }
}
