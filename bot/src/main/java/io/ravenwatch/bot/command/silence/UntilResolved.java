package io.ravenwatch.bot.command.silence;

import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.lifecycle.AlertRecord;
import io.ravenwatch.alerts.silence.Silence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Silence until resolved", kept simple and honest: it is an ordinary silence of the alert's labels
 * that lasts {@link SilenceTimes#MAX} at most, and whose comment names the alert's fingerprint
 * ({@code [until resolved: 3f2a9c01d4e5b677]}). {@link #sweep} expires every such silence whose
 * alert is no longer firing or flapping. The marker lives in the stored silence, so this survives a
 * restart; the app calls {@link #sweep} periodically (every 30 s is plenty), and {@code /silence}
 * sweeps before it answers. If nobody sweeps, the silence still ends after 30 days.
 */
public final class UntilResolved {
  private static final Logger logger = LoggerFactory.getLogger(UntilResolved.class);
  private static final Pattern MARKER = Pattern.compile("\\[until resolved: ([0-9a-f]{16})]");

  private UntilResolved() {}

  /** The comment of a silence that ends when the alert {@code fingerprint} resolves. */
  static String comment(String summary, String fingerprint) {
    return "Until resolved: " + summary + " [until resolved: " + fingerprint + "]";
  }

  /** The alert a silence waits for, if it is an until-resolved silence. */
  static Optional<String> fingerprint(Silence s) {
    var m = MARKER.matcher(s.comment());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Expires every until-resolved silence whose alert is no longer active.
   *
   * @return the silences expired
   */
  public static List<Silence> sweep(AlertEngine engine) {
    Set<String> active =
        engine.alerts().stream()
            .filter(a -> a.state().active())
            .map(AlertRecord::fingerprint)
            .collect(Collectors.toSet());
    var expired = new ArrayList<Silence>();
    for (Silence s : engine.silences().list()) {
      Optional<String> fp = fingerprint(s);
      if (fp.isPresent() && !active.contains(fp.get())) {
        engine.silences().expire(s.id()).ifPresent(expired::add);
        logger.info("Silence {} ended: alert {} resolved", s.id(), fp.get());
      }
    }
    return expired;
  }
}
