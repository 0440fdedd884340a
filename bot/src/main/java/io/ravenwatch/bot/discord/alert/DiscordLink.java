package io.ravenwatch.bot.discord.alert;

import java.util.Optional;
import net.dv8tion.jda.api.JDA;

/**
 * What Discord notifiers need from the running bot: its JDA session, once logged in, and the
 * configured alerts channel. Handed to the notifier registry as a {@link
 * io.ravenwatch.alerts.notify.NotifierResources} service, so notifiers can be built (and the outbox
 * started) before the bot has logged in: until {@link #connect} they answer "retry later" and the
 * notifications wait in the outbox, in order.
 *
 * <pre>{@code
 * var link = new DiscordLink(setup.discord().channels().alerts());
 * var resources = new NotifierResources(clock, System.out, http).withService(DiscordLink.class, link);
 * Map<String, Notifier> notifiers = NotifierRegistry.build(alerts.receivers(), resources);
 * // … once JDA is ready:
 * link.connect(jda);
 * }</pre>
 */
public final class DiscordLink {
  private final String alertsChannel;
  private volatile JDA jda;

  /**
   * @param alertsChannel {@code discord.channels.alerts}: where a receiver without its own {@code
   *     channel} posts; may be null when none is configured
   */
  public DiscordLink(String alertsChannel) {
    this.alertsChannel = alertsChannel;
  }

  /** A link already connected (tests, or a bot that logged in first). */
  public static DiscordLink of(JDA jda, String alertsChannel) {
    var link = new DiscordLink(alertsChannel);
    link.connect(jda);
    return link;
  }

  /** The bot logged in: notifications can go out. */
  public void connect(JDA session) {
    this.jda = session;
  }

  /** The bot is stopping: notifications wait in the outbox again. */
  public void disconnect() {
    this.jda = null;
  }

  public Optional<JDA> jda() {
    return Optional.ofNullable(jda);
  }

  /** The configured alerts channel, if any. */
  public Optional<String> alertsChannel() {
    return Optional.ofNullable(alertsChannel);
  }
}
