package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the bot answered to one interaction (a slash command or a button click). A live view: the
 * original response and follow-ups are read from the fake each time, so a test can wait for the
 * edit of a deferred reply with Awaitility.
 *
 * <pre>{@code
 * SlashResult result = fake.slash("400", "status", Map.of());
 * assertThat(result.callbackType()).isEqualTo(SlashResult.DEFERRED);
 * await().until(() -> result.original().map(FakeMessage::content).orElse(""), c -> !c.isEmpty());
 * }</pre>
 */
public final class SlashResult {
  /** Callback types of Discord. */
  public static final int REPLY = 4;

  public static final int DEFERRED = 5;
  public static final int DEFERRED_UPDATE = 6;
  public static final int UPDATE = 7;
  public static final int AUTOCOMPLETE = 8;
  public static final int MODAL = 9;

  private final Interactions.Pending pending;
  private final MessageStore store;

  SlashResult(Interactions.Pending pending, MessageStore store) {
    this.pending = pending;
    this.store = store;
  }

  /** The interaction's id. */
  public String interactionId() {
    return pending.id;
  }

  /** Whether the bot acknowledged the interaction in time. */
  public boolean answered() {
    return callbackType() != 0;
  }

  /** The callback type ({@link #REPLY}, {@link #DEFERRED}, …), or 0 when none was accepted. */
  public int callbackType() {
    synchronized (pending) {
      return pending.callbackType;
    }
  }

  /** The {@code data} of the accepted callback (a modal's form, a reply's message body). */
  public Optional<JsonNode> callbackData() {
    synchronized (pending) {
      return Optional.ofNullable(pending.callbackData).map(JsonNode::deepCopy);
    }
  }

  /** From delivering the interaction on the gateway to receiving the accepted callback. */
  public Optional<Duration> ackLatency() {
    synchronized (pending) {
      return pending.callbackType == 0
          ? Optional.empty()
          : Optional.of(Duration.ofNanos(pending.callbackNanos - pending.deliveredNanos));
    }
  }

  /**
   * The response message: the reply or deferred reply with its edits, or for a click answered with
   * an update, the clicked message with its edits. Empty once the bot deleted it.
   */
  public Optional<FakeMessage> original() {
    String id;
    synchronized (pending) {
      id = pending.originalMessageId;
    }
    return Optional.ofNullable(id == null ? null : store.message(id));
  }

  /** The current content of the response message, or "" when there is none. */
  public String content() {
    return original().map(FakeMessage::content).orElse("");
  }

  /** Whether the response is ephemeral (flag 64). */
  public boolean ephemeral() {
    return original().map(FakeMessage::ephemeral).orElse(false);
  }

  /** Follow-up messages, in order. */
  public List<FakeMessage> followUps() {
    List<String> ids;
    synchronized (pending) {
      ids = List.copyOf(pending.followUpIds);
    }
    return ids.stream().map(store::message).toList();
  }

  /** Callbacks and webhook calls the fake refused for this interaction (late, double ack, 400…). */
  public List<String> rejections() {
    synchronized (pending) {
      return List.copyOf(pending.rejections);
    }
  }

  /** Waits until the bot acknowledges (or the deadline passes); true when acknowledged. */
  public boolean awaitAnswer(Duration limit) {
    try {
      pending.acknowledged.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return answered();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return answered();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "SlashResult["
        + pending.id
        + " callback="
        + callbackType()
        + " content="
        + content()
        + "]";
  }
}
