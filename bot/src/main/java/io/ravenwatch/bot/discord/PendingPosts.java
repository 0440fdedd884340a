package io.ravenwatch.bot.discord;

import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.Json;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.ChatOutlets.ScheduledEvent;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Discord outlets have to post, kept in the alert store until Discord took it: an
 * announcement, a scheduled event or a line for the incident threads of a target made while Discord
 * was unreachable (or before the bot logged in) waits on disk — also across a restart — and goes
 * out later, in the order it was made. Keys sort in that order: the time in milliseconds and a
 * counter.
 */
final class PendingPosts {
  private static final Logger logger = LoggerFactory.getLogger(PendingPosts.class);

  /** The store's document kind. */
  static final String KIND = "discord_pending";

  /**
   * One post to make; exactly one of message, event and text is set.
   *
   * @param message an announcement
   * @param event a scheduled event
   * @param target the target whose incident threads get {@code text}
   * @param text a line for those threads
   */
  record Post(ChatMessage message, ScheduledEvent event, String target, String text) {
    static Post announcement(ChatMessage message) {
      return new Post(Objects.requireNonNull(message), null, null, null);
    }

    static Post event(ScheduledEvent event) {
      return new Post(null, Objects.requireNonNull(event), null, null);
    }

    static Post incidentLine(String target, String text) {
      return new Post(null, null, Objects.requireNonNull(target), Objects.requireNonNull(text));
    }
  }

  private final AlertStore store;
  private final Clock clock;
  private final AtomicLong counter = new AtomicLong();

  PendingPosts(AlertStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Keeps a post until {@link #done}.
   *
   * @return its key (20 characters; also its nonce on Discord)
   */
  String add(Post post) {
    String key = "%013d-%06d".formatted(clock.millis(), counter.incrementAndGet() % 1_000_000);
    String json = Json.write(post);
    store.inTransaction(
        tx -> {
          tx.putDocument(KIND, key, json);
          return null;
        });
    return key;
  }

  /** The posts still to make, oldest first; an unreadable one is logged and dropped. */
  SortedMap<String, Post> pending() {
    var out = new TreeMap<String, Post>();
    for (Map.Entry<String, String> e : store.loadDocuments(KIND).entrySet()) {
      try {
        out.put(e.getKey(), Json.read(e.getValue(), Post.class));
      } catch (RuntimeException unreadable) {
        logger.warn("Dropping an unreadable pending Discord post {}: {}", e.getKey(), unreadable);
        done(e.getKey());
      }
    }
    return out;
  }

  /** Forgets a post Discord took. */
  void done(String key) {
    store.inTransaction(
        tx -> {
          tx.deleteDocument(KIND, key);
          return null;
        });
  }
}
