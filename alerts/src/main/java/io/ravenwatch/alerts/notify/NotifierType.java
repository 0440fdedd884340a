package io.ravenwatch.alerts.notify;

import io.ravenwatch.alerts.api.Notifier;
import java.util.Objects;

/**
 * A kind of receiver: its configuration name, the record its YAML settings bind to, and how to make
 * a notifier from them. Registered in {@link NotifierRegistry}.
 *
 * @param name the {@code type:} of a receiver in the configuration, e.g. {@code webhook}
 * @param settings the record the receiver's other keys bind to (a record with no components when
 *     the type takes no settings)
 * @param factory creates the notifier for one named receiver
 * @param <S> the settings record
 */
public record NotifierType<S extends Record>(String name, Class<S> settings, Factory<S> factory) {

  /** Creates a notifier for one receiver from its settings. */
  @FunctionalInterface
  public interface Factory<S> {
    Notifier create(String receiver, S settings, NotifierResources resources);
  }

  public NotifierType {
    Objects.requireNonNull(name);
    Objects.requireNonNull(settings);
    Objects.requireNonNull(factory);
  }

  /** Creates the notifier, casting the settings record bound for this type. */
  public Notifier create(String receiver, Record boundSettings, NotifierResources resources) {
    return factory.create(receiver, settings.cast(boundSettings), resources);
  }
}
