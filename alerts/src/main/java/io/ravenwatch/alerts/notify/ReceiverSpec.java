package io.ravenwatch.alerts.notify;

import java.util.Objects;

/**
 * One configured receiver: {@code receivers: {NAME: {type: TYPE, …settings}}}.
 *
 * @param name the receiver's name (what notifications are addressed to)
 * @param type its notifier type
 * @param settings the type's settings record
 */
public record ReceiverSpec(String name, NotifierType<?> type, Record settings) {
  public ReceiverSpec {
    Objects.requireNonNull(name);
    Objects.requireNonNull(type);
    Objects.requireNonNull(settings);
  }
}
