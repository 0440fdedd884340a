package io.ravenwatch.bot.chat;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where actions post beyond their own reply: the announcements channel, the threads of open
 * incidents (an action's timeline next to the alert it answers) and scheduled events the community
 * is reminded of. Discord implements it with JDA; the console prints. Failures are logged by the
 * implementation and reported as an empty result: an action is never failed by its announcement.
 */
public interface ChatOutlets {

  /**
   * Posts in the announcements channel.
   *
   * @return the message id, or empty when there is no announcements channel or posting failed
   */
  Optional<String> announce(ChatMessage message);

  /**
   * Posts {@code text} in the thread of each open incident about {@code target} (a host or service
   * name); nothing when none is open.
   *
   * @return how many threads got it
   */
  int toIncidents(String target, String text);

  /**
   * Creates a scheduled event (Discord: a guild scheduled event with an external location).
   *
   * @return the event id, or empty when the chat has none or creating it failed
   */
  Optional<String> scheduleEvent(ScheduledEvent event);

  /**
   * A scheduled event.
   *
   * @param name at most 100 characters
   * @param description at most 1,000 characters
   * @param start when it starts (in the future)
   * @param end when it ends (after start)
   * @param location where, e.g. the scope ({@code web1, db group})
   */
  record ScheduledEvent(
      String name, String description, Instant start, Instant end, String location) {
    public ScheduledEvent {
      Objects.requireNonNull(name);
      Objects.requireNonNull(description);
      Objects.requireNonNull(start);
      Objects.requireNonNull(end);
      Objects.requireNonNull(location);
    }
  }

  /** Outlets that drop everything (tools and tests that do not look). */
  static ChatOutlets none() {
    return new ChatOutlets() {
      @Override
      public Optional<String> announce(ChatMessage message) {
        return Optional.empty();
      }

      @Override
      public int toIncidents(String target, String text) {
        return 0;
      }

      @Override
      public Optional<String> scheduleEvent(ScheduledEvent event) {
        return Optional.empty();
      }
    };
  }

  /** The console's outlets: everything printed, prefixed with where it would go. */
  static ChatOutlets printing(PrintStream out) {
    return new ChatOutlets() {
      @Override
      public Optional<String> announce(ChatMessage message) {
        out.println("[announcement] " + message.content());
        message
            .embeds()
            .forEach(e -> out.println("[announcement] " + e.title() + " " + e.description()));
        return Optional.empty();
      }

      @Override
      public int toIncidents(String target, String text) {
        out.println("[incident " + target + "] " + text);
        return 0;
      }

      @Override
      public Optional<String> scheduleEvent(ScheduledEvent event) {
        out.println(
            "[event] "
                + event.name()
                + " "
                + event.start()
                + " → "
                + event.end()
                + " @ "
                + event.location());
        return Optional.empty();
      }
    };
  }
}
