package io.ravenwatch.alerts.route;

import io.ravenwatch.alerts.api.Labels;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Says whether an alert is muted at an instant, and by what (a silence, a maintenance window). The
 * router asks it each time it would notify, so a mute that starts or ends takes effect at the next
 * tick without events.
 *
 * <pre>{@code
 * Muting muting = Muting.of(silences::mutedBy, maintenance::mutedBy);
 * }</pre>
 */
@FunctionalInterface
public interface Muting {

  /** Why the alert with {@code labels} is muted at {@code now}, or empty when it is not. */
  Optional<String> mutedBy(Labels labels, Instant now);

  /** Nothing is ever muted. */
  Muting NONE = (labels, now) -> Optional.empty();

  /** Muted when any of {@code mutings} mutes. */
  static Muting of(Muting... mutings) {
    List<Muting> all = Arrays.asList(mutings);
    return (labels, now) ->
        all.stream().map(m -> m.mutedBy(labels, now)).flatMap(Optional::stream).findFirst();
  }
}
