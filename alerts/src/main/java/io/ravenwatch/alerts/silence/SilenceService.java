package io.ravenwatch.alerts.silence;

import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.store.AlertStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds, lists and expires silences, kept in the {@link AlertStore} (read once, written through),
 * and tells the router whether an alert is silenced now.
 *
 * <pre>{@code
 * var silences = new SilenceService(store, clock);
 * silences.add(List.of(Matcher.eq("source", "db1")), now, now.plus(Duration.ofHours(2)),
 *     "alice", "disk swap");
 * }</pre>
 */
public final class SilenceService {
  private final AlertStore store;
  private final Clock clock;
  private final Map<String, Silence> silences = new ConcurrentHashMap<>();

  public SilenceService(AlertStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    for (Silence s : store.silences()) {
      silences.put(s.id(), s);
    }
  }

  /**
   * Creates a silence.
   *
   * @throws IllegalArgumentException when it ends before it starts or has no matcher
   */
  public Silence add(
      List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("a silence must end after it starts");
    }
    var s =
        new Silence(
            UUID.randomUUID().toString(),
            matchers,
            startsAt,
            endsAt,
            createdBy,
            comment,
            clock.instant());
    store.saveSilence(s);
    silences.put(s.id(), s);
    return s;
  }

  /** The silences that have not ended yet (active or future), the soonest to end first. */
  public List<Silence> list() {
    Instant now = clock.instant();
    return silences.values().stream()
        .filter(s -> s.endsAt().isAfter(now))
        .sorted(Comparator.comparing(Silence::endsAt))
        .toList();
  }

  /** Ends a silence now; empty when there is no such silence. */
  public Optional<Silence> expire(String id) {
    Silence s = silences.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Silence expired = s.expire(clock.instant());
    store.saveSilence(expired);
    silences.put(id, expired);
    return Optional.of(expired);
  }

  /** Why an alert with {@code labels} is silenced at {@code now}, or empty. */
  public Optional<String> mutedBy(Labels labels, Instant now) {
    return silences.values().stream()
        .filter(s -> s.activeAt(now) && s.matches(labels))
        .findFirst()
        .map(s -> "silence " + s.id() + " by " + s.createdBy());
  }
}
