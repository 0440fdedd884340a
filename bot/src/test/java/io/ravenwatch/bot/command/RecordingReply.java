package io.ravenwatch.bot.command;

import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.Reply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A reply that keeps what a command sent, for assertions. */
public final class RecordingReply implements Reply {
  public final List<ChatMessage> sent = new CopyOnWriteArrayList<>();
  public final List<ChatMessage> edits = new CopyOnWriteArrayList<>();
  public volatile Boolean deferred;

  @Override
  public void send(ChatMessage message) {
    sent.add(message);
  }

  @Override
  public void edit(ChatMessage message) {
    edits.add(message);
  }

  @Override
  public void defer(boolean ephemeral) {
    deferred = ephemeral;
  }

  /** The one message sent. */
  public ChatMessage only() {
    if (sent.size() != 1) {
      throw new AssertionError("expected one message, got " + sent);
    }
    return sent.getFirst();
  }

  /** The one message's first embed. */
  public ChatMessage.Embed embed() {
    return only().embeds().getFirst();
  }
}
