package io.ravenwatch.bot.command;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.lifecycle.AlertRecord;
import io.ravenwatch.bot.chat.Command.Suggestion;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The engine's active alerts as commands show them: worst first, with summary and ack. */
public final class LiveAlerts {
  /** Most severe first, then the longest firing, then by target. */
  public static final Comparator<AlertRecord> WORST_FIRST =
      Comparator.comparing(AlertRecord::severity)
          .reversed()
          .thenComparing(
              AlertRecord::activeSince, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(LiveAlerts::target)
          .thenComparing(AlertRecord::fingerprint);

  private final List<AlertRecord> active;
  private final Map<String, Ack> acks;

  private LiveAlerts(List<AlertRecord> active, Map<String, Ack> acks) {
    this.active = active;
    this.acks = acks;
  }

  /** A snapshot of the engine's firing and flapping alerts, and of the acks in force. */
  public static LiveAlerts of(AlertEngine engine) {
    List<AlertRecord> active =
        engine.alerts().stream().filter(a -> a.state().active()).sorted(WORST_FIRST).toList();
    Map<String, Ack> acks =
        engine.acks().list().stream()
            .collect(Collectors.toMap(Ack::fingerprint, Function.identity(), (a, b) -> b));
    return new LiveAlerts(active, acks);
  }

  /** The active alerts, worst first. */
  public List<AlertRecord> active() {
    return active;
  }

  public List<AlertRecord> ofTarget(String target) {
    return active.stream().filter(a -> target.equals(target(a))).toList();
  }

  public Optional<AlertRecord> find(String fingerprint) {
    return active.stream().filter(a -> a.fingerprint().equals(fingerprint)).findFirst();
  }

  public Optional<Ack> ack(String fingerprint) {
    return Optional.ofNullable(acks.get(fingerprint));
  }

  /** Suggestions for an ALERT option: the summary shown, the fingerprint sent. */
  public List<Suggestion> suggestions(String typed) {
    return Completions.suggest(
        active.stream()
            .map(
                a ->
                    new Suggestion(
                        Format.lower(a.severity()) + " · " + summary(a), a.fingerprint()))
            .toList(),
        typed);
  }

  /** The target ({@code source} label) of an alert, or "" for one about no target. */
  public static String target(AlertRecord a) {
    String s = a.labels().get("source");
    return s == null ? "" : s;
  }

  /** The rendered summary, or the rule and target when the rule has none. */
  public static String summary(AlertRecord a) {
    String s = a.annotations().get("summary");
    if (s != null && !s.isBlank()) {
      return s;
    }
    String t = target(a);
    return a.rule() + (t.isEmpty() ? "" : " on " + t);
  }

  /** When the current incident started, for "since" columns. */
  public static Instant since(AlertRecord a) {
    return a.activeSince() != null ? a.activeSince() : a.lastSeen();
  }
}
