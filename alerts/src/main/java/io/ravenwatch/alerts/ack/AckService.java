package io.ravenwatch.alerts.ack;

import io.ravenwatch.alerts.api.Severity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Acknowledges alerts: someone took them, so they stop repeating and do not escalate until they
 * resolve, their severity rises or they flap (the router then voids the ack). The receivers get an
 * ACKNOWLEDGED notification saying who and why.
 *
 * <pre>{@code
 * var acks = new AckService(ackBook, router, clock);
 * AckService.Outcome o = acks.ack("3f2a9c01d4e5b677", "alice", "looking at it");
 * }</pre>
 */
public final class AckService {

  /** What an ack can be given to: the router, which knows the active alerts and their groups. */
  public interface Directory {

    /**
     * The active alerts {@code fingerprintOrGroup} names: the alert with that fingerprint, or every
     * active alert of the group with that key; empty when it names nothing active.
     */
    List<Candidate> resolve(String fingerprintOrGroup);

    /** Tells the receivers about new acks (ACKNOWLEDGED notifications). */
    void acknowledged(List<Ack> acks);
  }

  /** An active alert that can be acknowledged. */
  public record Candidate(String fingerprint, Severity severity) {}

  /** The result of an ack: the acks made, or why there were none. */
  public sealed interface Outcome {
    record Acked(List<Ack> acks) implements Outcome {}

    record NothingToAck(String reason) implements Outcome {}
  }

  private final AckBook book;
  private final Directory directory;
  private final Clock clock;

  public AckService(AckBook book, Directory directory, Clock clock) {
    this.book = book;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * Acknowledges an alert (by fingerprint) or every active alert of a group (by group key).
   *
   * @param by who acknowledges
   * @param note what they said, may be empty
   */
  public Outcome ack(String fingerprintOrGroup, String by, String note) {
    Objects.requireNonNull(by);
    List<Candidate> candidates = directory.resolve(fingerprintOrGroup);
    if (candidates.isEmpty()) {
      return new Outcome.NothingToAck("no active alert or group " + fingerprintOrGroup);
    }
    var made = new ArrayList<Ack>();
    for (Candidate c : candidates) {
      Ack a = new Ack(c.fingerprint(), by, note, clock.instant(), c.severity());
      book.put(a);
      made.add(a);
    }
    directory.acknowledged(made);
    return new Outcome.Acked(List.copyOf(made));
  }

  /** The acks in force. */
  public List<Ack> list() {
    return book.all();
  }
}
