package io.ravenwatch.alerts.route;

import io.ravenwatch.alerts.ack.AckBook;
import io.ravenwatch.alerts.ack.AckService;
import io.ravenwatch.alerts.api.AlertEvent;
import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notification.Kind;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.maintenance.MaintenanceService;
import io.ravenwatch.alerts.silence.SilenceService;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.inventory.Inventory;
import io.ravenwatch.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A router wired to a fake store and clock, with helpers to play alert transitions. */
final class RouterHarness {
  final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T10:00:00Z"));
  final FakeAlertStore store;
  final Inventory inventory;
  final RouteSettings settings;
  SilenceService silences;
  MaintenanceService maintenance;
  AckBook ackBook;
  NotificationRouter router;
  AckService acks;
  private final Map<String, AlertState> states = new HashMap<>();
  private final Map<String, Instant> since = new HashMap<>();

  RouterHarness(RouteSettings settings, List<Target> targets) {
    this(settings, new Inventory(targets), new FakeAlertStore());
  }

  RouterHarness(RouteSettings settings, Inventory inventory, FakeAlertStore store) {
    this.settings = settings;
    this.inventory = inventory;
    this.store = store;
    restart();
  }

  /** A fresh router (and services) over the same store, as after a process restart. */
  void restart() {
    silences = new SilenceService(store, clock);
    maintenance = new MaintenanceService(store, clock, inventory);
    ackBook = new AckBook(store);
    router =
        new NotificationRouter(
            settings,
            store,
            clock,
            inventory,
            Muting.of(silences::mutedBy, maintenance::mutedBy),
            ackBook);
    acks = new AckService(ackBook, router, clock);
  }

  static Target host(String name, String parent) {
    return new Target(
        name, Target.Kind.HOST, "", "eu", "", "", Map.of(), parent, Optional.empty(), List.of());
  }

  static Labels labels(String rule, String source, String... more) {
    Labels l = Labels.of("alertname", rule, "source", source, "region", "eu");
    for (int i = 0; i + 1 < more.length; i += 2) {
      l = l.with(more[i], more[i + 1]);
    }
    return l;
  }

  /** Moves the alert with {@code labels} to {@code to}, from whatever state it is in. */
  String move(Labels labels, Severity severity, AlertState to) {
    String fp = labels.fingerprint();
    AlertState from = states.getOrDefault(fp, AlertState.INACTIVE);
    Instant now = clock.instant();
    if (to.active() && !from.active()) {
      since.put(fp, now);
    }
    var e =
        new AlertEvent(
            fp,
            labels.get("alertname"),
            labels,
            severity,
            from,
            to,
            now,
            since.get(fp),
            1.0,
            Map.of("summary", labels.get("alertname") + " on " + labels.get("source")));
    states.put(fp, to);
    router.onEvent(e, null);
    return fp;
  }

  String fire(Labels labels, Severity severity) {
    return move(labels, severity, AlertState.FIRING);
  }

  String fire(Labels labels) {
    return fire(labels, Severity.WARNING);
  }

  String resolve(Labels labels) {
    return move(labels, Severity.WARNING, AlertState.RESOLVED);
  }

  /** Advances the clock by {@code d}, ticking every second as the scheduler would. */
  void advance(Duration d) {
    Instant end = clock.instant().plus(d);
    while (clock.instant().isBefore(end)) {
      Instant next = clock.instant().plusSeconds(1);
      clock.set(next.isAfter(end) ? end : next);
      router.tick(clock.instant());
    }
  }

  /** Advances in steps of a minute (cheaper for hours), ticking after each. */
  void advanceMinutes(long minutes) {
    for (long i = 0; i < minutes; i++) {
      clock.advance(Duration.ofMinutes(1));
      router.tick(clock.instant());
    }
  }

  List<Notification> sent() {
    return List.copyOf(store.outbox);
  }

  List<Notification> sent(Kind kind) {
    var out = new ArrayList<Notification>();
    for (Notification n : store.outbox) {
      if (n.kind() == kind) {
        out.add(n);
      }
    }
    return out;
  }

  static List<String> sources(Notification n) {
    return n.alerts().stream().map(a -> a.target()).toList();
  }
}
