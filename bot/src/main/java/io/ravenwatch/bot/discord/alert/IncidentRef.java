package io.ravenwatch.bot.discord.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an incident lives in Discord, as the message id {@link DiscordNotifier} returns to the
 * outbox (which persists it and hands it back for the incident's later notifications, restarts
 * included): {@code <channelId>/<messageId>/<threadId>/<startEpochSecond>}.
 *
 * <p>The thread id may be empty when the thread could not be started with the message; Discord
 * gives a thread started from a message that message's id, so it is found or started later. The
 * start is the incident's first alert's {@code since}, for "resolved after 12 min".
 *
 * @param channelId the alerts channel the message is in
 * @param messageId the incident's message
 * @param threadId its timeline thread, or empty when not known to exist
 * @param start when the incident started, or null when unknown (a bare message id)
 */
public record IncidentRef(String channelId, String messageId, String threadId, Instant start) {

  public IncidentRef {
    Objects.requireNonNull(channelId);
    Objects.requireNonNull(messageId);
    threadId = Objects.requireNonNullElse(threadId, "");
  }

  /**
   * Parses what {@link #toString()} wrote; a bare message id is taken as a message in {@code
   * defaultChannel}.
   *
   * @throws IllegalArgumentException when it is not an id this notifier wrote
   */
  public static IncidentRef parse(String text, String defaultChannel) {
    String[] parts = text.strip().split("/", -1);
    for (int i = 0; i < Math.min(parts.length, 3); i++) {
      if (!parts[i].matches("[0-9]*") || (i < 2 && parts[i].isEmpty() && parts.length > 1)) {
        throw new IllegalArgumentException("not a Discord incident reference: " + text);
      }
    }
    return switch (parts.length) {
      case 1 -> new IncidentRef(defaultChannel, parts[0], "", null);
      case 2 -> new IncidentRef(parts[0], parts[1], "", null);
      case 3 -> new IncidentRef(parts[0], parts[1], parts[2], null);
      case 4 ->
          new IncidentRef(
              parts[0],
              parts[1],
              parts[2],
              parts[3].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(parts[3])));
      default -> throw new IllegalArgumentException("not a Discord incident reference: " + text);
    };
  }

  /** The same incident with its thread known. */
  public IncidentRef withThread(String id) {
    return new IncidentRef(channelId, messageId, id, start);
  }

  public boolean hasThread() {
    return !threadId.isEmpty();
  }

  @Override
  public String toString() {
    return channelId
        + "/"
        + messageId
        + "/"
        + threadId
        + "/"
        + (start == null ? "" : Long.toString(start.getEpochSecond()));
  }
}
