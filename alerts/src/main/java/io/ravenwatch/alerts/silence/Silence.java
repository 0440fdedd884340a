package io.ravenwatch.alerts.silence;

import io.ravenwatch.alerts.api.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Mutes the alerts whose labels match every matcher, from {@code startsAt} to {@code endsAt}.
 *
 * @param id a unique id (UUID text)
 * @param matchers all must match
 * @param startsAt when it starts muting
 * @param endsAt when it stops; expiring a silence sets this to now
 * @param createdBy who made it (a Discord user, "console", an API client)
 * @param comment why
 * @param createdAt when it was made
 */
public record Silence(
    String id,
    List<Matcher> matchers,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    String comment,
    Instant createdAt) {

  public Silence {
    Objects.requireNonNull(id);
    matchers = List.copyOf(matchers);
    if (matchers.isEmpty()) {
      throw new IllegalArgumentException("a silence needs at least one matcher");
    }
    Objects.requireNonNull(startsAt);
    Objects.requireNonNull(endsAt);
    createdBy = Objects.requireNonNullElse(createdBy, "");
    comment = Objects.requireNonNullElse(comment, "");
    Objects.requireNonNull(createdAt);
  }

  /** Whether it mutes at {@code now}. */
  public boolean activeAt(Instant now) {
    return !now.isBefore(startsAt) && now.isBefore(endsAt);
  }

  public boolean matches(Labels labels) {
    return matchers.stream().allMatch(m -> m.matches(labels));
  }

  /** This silence ended at {@code now}. */
  public Silence expire(Instant now) {
    return new Silence(
        id, matchers, startsAt, now.isBefore(endsAt) ? now : endsAt, createdBy, comment, createdAt);
  }
}
