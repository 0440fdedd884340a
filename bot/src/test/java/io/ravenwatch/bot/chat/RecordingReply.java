package io.ravenwatch.bot.chat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Reply} that records what was done to it, in order ("defer", "send: …", "edit: …"). */
final class RecordingReply implements Reply {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<ChatMessage> messages = new CopyOnWriteArrayList<>();

  @Override
  public void send(ChatMessage message) {
    calls.add((message.ephemeral() ? "send ephemeral: " : "send: ") + message.content());
    messages.add(message);
  }

  @Override
  public void edit(ChatMessage message) {
    calls.add("edit: " + message.content());
    messages.add(message);
  }

  @Override
  public void defer(boolean ephemeral) {
    calls.add("defer");
  }

  ChatMessage last() {
    return messages.getLast();
  }
}
