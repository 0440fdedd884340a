package io.ravenwatch.bot.command.maintenance;

import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.ChatOutlets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Outlets that keep what was posted, for assertions. */
final class RecordingOutlets implements ChatOutlets {
  final List<ChatMessage> announced = new CopyOnWriteArrayList<>();
  final List<ScheduledEvent> events = new CopyOnWriteArrayList<>();
  final List<String> incidentLines = new CopyOnWriteArrayList<>();

  @Override
  public Optional<String> announce(ChatMessage message) {
    announced.add(message);
    return Optional.of("m" + announced.size());
  }

  @Override
  public int toIncidents(String target, String text) {
    incidentLines.add(target + ": " + text);
    return 0;
  }

  @Override
  public Optional<String> scheduleEvent(ScheduledEvent event) {
    events.add(event);
    return Optional.of("e" + events.size());
  }

  /** The titles of the announcements' first embeds, in order. */
  List<String> titles() {
    return announced.stream().map(m -> m.embeds().getFirst().title()).toList();
  }
}
