package io.ravenwatch.alerts.route;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.ack.AckBook;
import io.ravenwatch.alerts.ack.AckService;
import io.ravenwatch.alerts.api.AlertEvent;
import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Notification.Kind;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.AlertStore.Transaction;
import io.ravenwatch.probes.inventory.Inventory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns alert events into notifications: the on-call semantics between the lifecycle and the
 * outbox. Every notification is enqueued in the same transaction as the router's state (one {@code
 * "group"} document per group), so a restart neither loses nor repeats one.
 *
 * <h2>Grouping</h2>
 *
 * Alerts are grouped by the {@code group_by} labels. The first alert of a group waits {@code
 * group_wait} for others, then one FIRING notification lists them, worst first (it opens the
 * group's incident). Later changes (new alerts, resolved ones, flapping) are batched, at most one
 * notification per {@code group_interval} (UPDATE, or FLAPPING when flapping is the only news).
 * When every notified alert is resolved, RESOLVED goes out with {@code replyTo} = the outbox id of
 * the incident's FIRING notification for that receiver; UPDATE, REPEAT, ACKNOWLEDGED and ESCALATION
 * refer to it too. An alert that fires and resolves before it was notified is never notified.
 *
 * <h2>Dependencies</h2>
 *
 * An active alert whose labels say its target is down ({@link TargetDown}) suppresses the alerts of
 * the target's descendants in the inventory. The notification about the down target names it as the
 * {@code cause} and counts the suppressed dependents: one message for a dead switch, not one per
 * host behind it. When the target recovers, its dependents stay suppressed for {@code
 * recovery_grace}; those still firing then are notified normally, those that resolved meanwhile are
 * never notified.
 *
 * <h2>Mutes (silences, maintenance windows) — the policy</h2>
 *
 * <ol type="a">
 *   <li>An alert already notified as firing, then muted: no REPEAT and no ESCALATION while muted.
 *   <li>If it resolves while muted, its resolution IS notified: whoever saw it fire must see it
 *       resolve (Alertmanager drops these, its most-complained-about gap).
 *   <li>An alert that starts and resolves inside the mute is never notified.
 *   <li>An alert still firing when the mute ends and never notified is notified then (FIRING, after
 *       {@code group_wait}, or in the group's next UPDATE when its incident is open).
 * </ol>
 *
 * Suppression by a dependency follows the same policy.
 *
 * <h2>Repeat, acknowledgement, escalation</h2>
 *
 * A group still firing gets a REPEAT of its visible, unacknowledged alerts every {@code
 * repeat_interval}. An acknowledged alert stops repeating and does not escalate; the ack is void
 * when the alert resolves, starts flapping, its severity rises above the acknowledged one, or an
 * alert of higher severity joins its group. A CRITICAL alert notified and not acknowledged for
 * {@code escalation.after} is escalated once per incident (ESCALATION with the mention).
 *
 * <p>Thread-safe (one lock). Call {@link #tick} regularly (every second or so) for the timers.
 *
 * <pre>{@code
 * var router = new NotificationRouter(settings, store, clock, inventory, muting, ackBook);
 * router.onEvent(event, tx);   // from the lifecycle, inside its transaction
 * router.tick(clock.instant()); // from a scheduler
 * }</pre>
 */
public final class NotificationRouter implements AckService.Directory {
  static final String KIND = "group";
  static final String ROUTE_KIND = "route";
  static final String RECOVERIES = "recoveries";

  private final RouteSettings settings;
  private final AlertStore store;
  private final Clock clock;
  private final Muting muting;
  private final AckBook acks;
  private final TargetDown targetDown;
  private final Dependencies dependencies;
  private final Announcer announcer;
  private final RouterCodec codec = new RouterCodec();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final List<AlertSummary> escalatedInTick = new ArrayList<>();
  private volatile EscalationListener escalationListener = (alerts, at) -> {};

  /** Told about the alerts a tick escalated, once that tick's transaction has committed. */
  @FunctionalInterface
  public interface EscalationListener {
    void escalated(List<AlertSummary> alerts, Instant at);
  }

  /** Targets whose down alert resolved, by when: their dependents wait out the grace period. */
  private final Map<String, Instant> recoveries = new LinkedHashMap<>();

  public NotificationRouter(
      RouteSettings settings,
      AlertStore store,
      Clock clock,
      Inventory inventory,
      Muting muting,
      AckBook acks) {
    this(settings, store, clock, inventory, muting, acks, TargetDown.byLabel(settings.downLabel()));
  }

  public NotificationRouter(
      RouteSettings settings,
      AlertStore store,
      Clock clock,
      Inventory inventory,
      Muting muting,
      AckBook acks,
      TargetDown targetDown) {
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.muting = muting;
    this.acks = acks;
    this.targetDown = targetDown;
    this.dependencies = new Dependencies(inventory);
    this.announcer = new Announcer(acks, targetDown);
    reload();
  }

  /**
   * Reads the router's state back from the store: at start, and after a caller rolled back a
   * transaction it had passed to {@link #onEvent}.
   */
  public synchronized void reload() {
    groups.clear();
    store.loadDocuments(KIND).forEach((key, json) -> groups.put(key, codec.readGroup(json)));
    recoveries.clear();
    String r = store.loadDocuments(ROUTE_KIND).get(RECOVERIES);
    if (r != null) {
      recoveries.putAll(codec.readRecoveries(r));
    }
  }

  /**
   * Takes one alert transition. With {@code tx} the router's state and any notification due at once
   * ({@code group_wait} 0) are written in the caller's transaction; with null, in its own.
   */
  public synchronized void onEvent(AlertEvent event, Transaction tx) {
    if (tx != null) {
      apply(event, tx);
      return;
    }
    guarded(
        () ->
            store.inTransaction(
                t -> {
                  apply(event, t);
                  return null;
                }));
  }

  /** Sets who hears about escalations (the engine's alert history); one listener. */
  public void onEscalation(EscalationListener listener) {
    this.escalationListener = listener;
  }

  /** Runs the timers due at {@code now}: group flushes, mutes that ended, repeats, escalations. */
  public synchronized void tick(Instant now) {
    escalatedInTick.clear();
    guarded(
        () ->
            store.inTransaction(
                tx -> {
                  pruneRecoveries(now, tx);
                  var view = view(now);
                  for (Group g : List.copyOf(groups.values())) {
                    if (timers(g, now, view, tx)) {
                      save(g, tx);
                    }
                  }
                  return null;
                }));
    if (!escalatedInTick.isEmpty()) {
      // Only after the commit: a rolled-back escalation is retried by the next tick.
      escalationListener.escalated(List.copyOf(escalatedInTick), now);
    }
  }

  private void apply(AlertEvent e, Transaction tx) {
    if (e.to() == AlertState.PENDING || e.to() == AlertState.INACTIVE) {
      return; // not firing (yet): nobody is told
    }
    Instant now = clock.instant();
    Labels groupLabels = e.labels().select(settings.groupBy());
    String key = groupLabels.fingerprint();
    Group g = groups.computeIfAbsent(key, k -> new Group(k, groupLabels));
    TrackedAlert prev = g.alerts.get(e.fingerprint());
    AckVoiding.apply(acks, e, g, prev);
    if (e.to().active()) {
      TrackedAlert next;
      if (prev == null || !prev.active()) {
        next = TrackedAlert.from(e);
        if (prev != null && prev.notified()) {
          // Fired again before its resolution was announced: to the reader it never stopped.
          next =
              new TrackedAlert(
                  next.fingerprint(),
                  next.rule(),
                  next.labels(),
                  next.severity(),
                  next.state(),
                  next.since(),
                  next.value(),
                  next.annotations(),
                  prev.notifiedAt(),
                  next.flapPending(),
                  prev.escalated());
        }
      } else {
        next = prev.update(e);
      }
      g.put(next);
      if (!next.notified() || next.flapPending()) {
        scheduleChange(g, now);
      }
    } else if (prev != null) { // RESOLVED
      acks.remove(e.fingerprint());
      if (prev.active() && targetDown.isDown(prev.labels())) {
        recoveries.put(prev.target(), now);
        saveRecoveries(tx);
      }
      if (!prev.notified() || !settings.resolveNotify()) {
        g.alerts.remove(e.fingerprint()); // nobody was told it fired, or resolves are not wanted
      } else {
        g.put(prev.update(e));
        scheduleChange(g, now);
      }
      if (g.incidentOpen && !g.anyActiveNotified() && g.select(resolvedPending()).isEmpty()) {
        closeIncident(g); // without resolve_notify the incident ends quietly
      }
    }
    // group_wait 0: the first notification goes out with the transition. Changes of an open
    // incident wait for the next tick, so transitions of the same instant make one message.
    if (!g.incidentOpen && g.flushAt != null && !g.flushAt.isAfter(now)) {
      flush(g, now, view(now), tx);
    }
    save(g, tx);
  }

  /** A group change to notify: after group_wait for a new incident, else group_interval apart. */
  private void scheduleChange(Group g, Instant now) {
    if (!g.incidentOpen) {
      g.scheduleFlush(now.plus(settings.groupWait()));
    } else {
      Instant next = g.lastFlushAt == null ? now : g.lastFlushAt.plus(settings.groupInterval());
      g.scheduleFlush(next.isAfter(now) ? next : now);
    }
  }

  /** Sends the group's pending changes, if any are visible. */
  private void flush(Group g, Instant now, Visibility view, Transaction tx) {
    g.flushAt = null;
    List<TrackedAlert> fresh = g.select(a -> a.active() && !a.notified() && view.visible(a));
    List<TrackedAlert> resolved = g.select(resolvedPending());
    List<TrackedAlert> flapping =
        g.select(a -> a.active() && a.notified() && a.flapPending() && view.visible(a));
    if (fresh.isEmpty() && resolved.isEmpty() && flapping.isEmpty()) {
      return;
    }
    Kind kind;
    List<TrackedAlert> shown;
    if (!g.incidentOpen && fresh.isEmpty()) {
      resolved.forEach(a -> g.alerts.remove(a.fingerprint())); // nothing was announced to close
      return;
    } else if (!g.incidentOpen) {
      kind = Kind.FIRING;
      shown = fresh;
    } else if (fresh.isEmpty() && !g.anyActiveNotified()) {
      kind = Kind.RESOLVED;
      shown = resolved;
    } else {
      kind = fresh.isEmpty() && resolved.isEmpty() ? Kind.FLAPPING : Kind.UPDATE;
      shown = new ArrayList<>(g.select(a -> a.active() && view.visible(a) && a.notified()));
      shown.addAll(fresh);
      shown.sort(TrackedAlert.WORST_FIRST);
      shown.addAll(resolved);
    }
    announcer.announce(tx, g, kind, shown, settings.receivers(), "", view, now);
    for (TrackedAlert a : fresh) {
      g.put(a.notifiedNow(now));
    }
    for (TrackedAlert a : flapping) {
      g.put(a.notifiedNow(now));
    }
    for (TrackedAlert a : resolved) {
      g.alerts.remove(a.fingerprint());
    }
    g.lastFlushAt = now;
    if (kind == Kind.RESOLVED) {
      closeIncident(g);
    } else {
      g.incidentOpen = true;
      g.lastNotifiedAt = now;
    }
  }

  /** Flushes, repeats and escalates what is due; true when the group changed. */
  private boolean timers(Group g, Instant now, Visibility view, Transaction tx) {
    boolean changed = false;
    // A mute ended or a parent recovered: alerts nobody was told about become news.
    if (g.flushAt == null
        && !g.select(a -> a.active() && (!a.notified() || a.flapPending()) && view.visible(a))
            .isEmpty()) {
      scheduleChange(g, now);
      changed = true;
    }
    if (g.flushAt != null && !g.flushAt.isAfter(now)) {
      flush(g, now, view, tx);
      changed = true;
    }
    Predicate<TrackedAlert> remindable =
        a -> a.active() && a.notified() && view.visible(a) && acks.find(a.fingerprint()).isEmpty();
    if (g.incidentOpen
        && g.lastNotifiedAt != null
        && !now.isBefore(g.lastNotifiedAt.plus(settings.repeatInterval()))) {
      List<TrackedAlert> repeat = g.select(remindable);
      if (!repeat.isEmpty()) {
        announcer.announce(tx, g, Kind.REPEAT, repeat, settings.receivers(), "", view, now);
        g.lastNotifiedAt = now;
        changed = true;
      }
    }
    List<TrackedAlert> escalate =
        g.select(
            remindable.and(
                a ->
                    a.severity() == Severity.CRITICAL
                        && !a.escalated()
                        && !now.isBefore(a.notifiedAt().plus(settings.escalation().after()))));
    if (!escalate.isEmpty()) {
      announcer.announce(
          tx,
          g,
          Kind.ESCALATION,
          escalate,
          settings.escalationReceivers(),
          settings.escalation().mention(),
          view,
          now);
      escalate.forEach(a -> g.put(a.escalatedNow()));
      escalate.forEach(a -> escalatedInTick.add(a.summary(null)));
      changed = true;
    }
    return changed;
  }

  /**
   * An incident that is open now: a group whose FIRING went out and whose RESOLVED has not.
   *
   * @param groupKey the group's key
   * @param sources the {@code source} labels (targets) of the group's alerts
   * @param openedBy per receiver, the outbox id of the FIRING notification that opened it (the
   *     receiver's message for it is that outbox entry's message id)
   */
  public record OpenIncident(String groupKey, Set<String> sources, Map<String, Long> openedBy) {
    public OpenIncident {
      sources = Set.copyOf(sources);
      openedBy = Map.copyOf(openedBy);
    }
  }

  /** The open incidents, for actions that post next to them (an incident thread). */
  public synchronized List<OpenIncident> openIncidents() {
    var out = new ArrayList<OpenIncident>();
    for (Group g : groups.values()) {
      if (!g.incidentOpen) {
        continue;
      }
      var sources = new java.util.TreeSet<String>();
      for (TrackedAlert a : g.alerts.values()) {
        String source = a.labels().get("source");
        if (source != null) {
          sources.add(source);
        }
      }
      out.add(new OpenIncident(g.key, sources, g.replyTo));
    }
    return out;
  }

  @Override
  public synchronized List<AckService.Candidate> resolve(String fingerprintOrGroup) {
    Group byKey = groups.get(fingerprintOrGroup);
    var out = new ArrayList<AckService.Candidate>();
    for (Group g : byKey != null ? List.of(byKey) : groups.values()) {
      for (TrackedAlert a : g.alerts.values()) {
        if (a.active() && (byKey != null || a.fingerprint().equals(fingerprintOrGroup))) {
          out.add(new AckService.Candidate(a.fingerprint(), a.severity()));
        }
      }
    }
    return out;
  }

  @Override
  public synchronized void acknowledged(List<Ack> made) {
    Instant now = clock.instant();
    var fingerprints = made.stream().map(Ack::fingerprint).toList();
    guarded(
        () ->
            store.inTransaction(
                tx -> {
                  var view = view(now);
                  for (Group g : groups.values()) {
                    List<TrackedAlert> acked =
                        g.select(a -> a.notified() && fingerprints.contains(a.fingerprint()));
                    if (!acked.isEmpty()) {
                      announcer.announce(
                          tx, g, Kind.ACKNOWLEDGED, acked, settings.receivers(), "", view, now);
                    }
                  }
                  return null;
                }));
  }

  private static Predicate<TrackedAlert> resolvedPending() {
    return a -> a.state() == AlertState.RESOLVED;
  }

  private void closeIncident(Group g) {
    g.incidentOpen = false;
    g.replyTo.clear();
  }

  private Visibility view(Instant now) {
    var recovering =
        recoveries.entrySet().stream()
            .filter(r -> now.isBefore(r.getValue().plus(settings.recoveryGrace())))
            .map(Map.Entry::getKey)
            .collect(java.util.stream.Collectors.toSet());
    return new Visibility(groups.values(), recovering, targetDown, dependencies, muting, now);
  }

  private void pruneRecoveries(Instant now, Transaction tx) {
    if (recoveries.values().removeIf(at -> !now.isBefore(at.plus(settings.recoveryGrace())))) {
      saveRecoveries(tx);
    }
  }

  private void saveRecoveries(Transaction tx) {
    tx.putDocument(ROUTE_KIND, RECOVERIES, codec.writeRecoveries(recoveries));
  }

  private void save(Group g, Transaction tx) {
    if (g.alerts.isEmpty() && !g.incidentOpen && g.flushAt == null) {
      groups.remove(g.key);
      tx.deleteDocument(KIND, g.key);
    } else {
      tx.putDocument(KIND, g.key, codec.write(g));
    }
  }

  /** Runs store work; if it fails, memory is brought back to what the store holds. */
  private void guarded(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      reload();
      throw e;
    }
  }
}
