package io.ravenwatch.alerts.lifecycle;

import io.ravenwatch.alerts.api.AlertEvent;
import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.Observation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert lifecycle: one state machine per alert (identity: the observation's fingerprint), fed
 * with {@link Observation}s and timer {@link #tick ticks}, producing {@link AlertEvent}s and the
 * states to store. The transitions themselves are in {@link Transitions}; the legal ones in {@link
 * io.ravenwatch.alerts.api.AlertState}.
 *
 * <p>Semantics, in short: {@code for} holds an active alert PENDING until the condition has held
 * that long since its first active observation (an inactive one before that: back to INACTIVE,
 * never notified); {@code keep_firing_for} holds a FIRING alert up until the condition has been
 * false that long (checked on observations and ticks; an active observation cancels it); the Nagios
 * percent state change over the last results decides FLAPPING (see {@link FlappingSettings}); a
 * series not observed for a while is stale and resolved (see {@link LifecycleSettings}); resolved
 * alerts are forgotten after {@code resolved_retention}.
 *
 * <p>Thread-safe without a global lock: each alert has its own lock, held while its step is worked
 * out, so the events of one alert are made in order while other alerts go on in parallel.
 *
 * <p>Persistence: only a transition, or a change of the history or hold-up of a firing, flapping or
 * resolved alert, asks for a write; a steady alert writes nothing. Use the callback form so the
 * state, and the notifications its events cause, are committed in one transaction while the alert's
 * lock is held; then no later change of the same alert can commit before it, and a failed
 * transaction puts the alert's previous state back:
 *
 * <pre>{@code
 * var tracker = new AlertTracker(settings.lifecycle(), clock);
 * tracker.restore(store.loadDocuments(AlertTracker.DOCUMENT_KIND)); // before the first observation
 *
 * // for each observation, on any (virtual) thread:
 * tracker.observe(observation, changes -> changes.isEmpty() ? null : store.inTransaction(tx -> {
 *   changes.persist(tx);
 *   router.route(changes.events(), tx);
 *   return null;
 * }));
 *
 * // every few seconds:
 * tracker.tick(clock.instant(), changes -> store.inTransaction(tx -> { … same … }));
 * }</pre>
 *
 * The callback must not call back into the tracker for the same alert.
 */
public final class AlertTracker {

  /** The kind of the documents this tracker stores: one per alert, keyed by fingerprint. */
  public static final String DOCUMENT_KIND = AlertDocuments.KIND;

  private static final Logger logger = LoggerFactory.getLogger(AlertTracker.class);

  private final ConcurrentHashMap<String, Slot> alerts = new ConcurrentHashMap<>();
  // By rule: how many of its alerts are worth an inactive observation (see counts()).
  private final ConcurrentHashMap<String, AtomicInteger> tracked = new ConcurrentHashMap<>();
  private final Transitions transitions;
  private final LifecycleSettings settings;
  private final Clock clock;

  public AlertTracker(LifecycleSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.transitions = new Transitions(settings);
  }

  /** One alert's place in the map; its lock orders everything that happens to the alert. */
  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock();
    AlertRecord record; // null only while a new slot is being filled; see record()
    boolean removed; // forgotten: whoever still holds it looks the alert up again
    // Steady observations (Transitions.steady) since the record was made change only these: kept
    // here rather than in a new record per observation, and folded in when the record is needed.
    boolean steady;
    Instant lastSeen;
    Double value;
    Map<String, String> annotations;

    /** The alert's current record. */
    AlertRecord record() {
      if (steady) {
        record = Transitions.seen(record, lastSeen, value, annotations);
        steady = false;
      }
      return record;
    }
  }

  /**
   * Feeds one evaluation result. Use {@link #observe(Observation, Function)} when the changes are
   * stored, so they commit in the alert's order.
   */
  public Changes observe(Observation o) {
    return observe(o, changes -> changes);
  }

  /**
   * Feeds one evaluation result and hands what it changed to {@code then} while the alert's lock is
   * held. If {@code then} throws, the alert's previous state is put back and the exception goes on.
   *
   * @return what {@code then} returned
   */
  public <T> T observe(Observation o, Function<Changes, T> then) {
    String fingerprint = o.fingerprint();
    while (true) {
      Slot slot = alerts.computeIfAbsent(fingerprint, k -> new Slot());
      slot.lock.lock();
      try {
        if (slot.removed) {
          continue; // forgotten by a tick meanwhile: start over with a fresh slot
        }
        if (slot.record != null
            && transitions.steady(
                slot.record, slot.steady ? slot.lastSeen : slot.record.lastSeen(), o)) {
          return steady(slot, o, then);
        }
        AlertRecord before = slot.record();
        Transitions.Step step = transitions.observe(before, fingerprint, o);
        slot.record = step.next();
        recount(before, step.next());
        try {
          return then.apply(changesOf(fingerprint, step));
        } catch (RuntimeException | Error e) {
          slot.record = before;
          recount(step.next(), before);
          if (before == null) {
            forget(fingerprint, slot);
          }
          throw e;
        }
      } finally {
        slot.lock.unlock();
      }
    }
  }

  /** An observation that changes nothing but when the alert was last seen, its value and text. */
  private static <T> T steady(Slot slot, Observation o, Function<Changes, T> then) {
    boolean wasSteady = slot.steady;
    Instant lastSeen = slot.lastSeen;
    Double value = slot.value;
    Map<String, String> annotations = slot.annotations;
    Instant last = wasSteady ? lastSeen : slot.record.lastSeen();
    slot.lastSeen = o.at().isAfter(last) ? o.at() : last;
    slot.value = o.value();
    slot.annotations = o.annotations();
    slot.steady = true;
    try {
      return then.apply(Changes.NONE);
    } catch (RuntimeException | Error e) {
      slot.steady = wasSteady;
      slot.lastSeen = lastSeen;
      slot.value = value;
      slot.annotations = annotations;
      throw e;
    }
  }

  /** Runs the timers at the clock's time; see {@link #tick(Instant)}. */
  public Changes tick() {
    return tick(clock.instant());
  }

  /**
   * Runs the timers of every alert at {@code now}: keep_firing_for expiry, stale series, forgetting
   * resolved alerts. Returns everything that changed, for one transaction.
   */
  public Changes tick(Instant now) {
    var all = new ArrayList<Changes>();
    tick(now, all::add);
    return all.stream().reduce(Changes.NONE, Changes::plus);
  }

  /**
   * Runs the timers at {@code now}, handing each alert's changes to {@code perAlert} while that
   * alert's lock is held (one transaction per changed alert; ticks change few). If it throws, that
   * alert's previous state is put back and the exception goes on; the alerts not reached yet are
   * handled by the next tick.
   */
  public void tick(Instant now, Consumer<Changes> perAlert) {
    for (Slot slot : alerts.values()) {
      slot.lock.lock();
      try {
        if (slot.removed || slot.record == null) {
          continue;
        }
        AlertRecord before = slot.record();
        Transitions.Step step = transitions.tick(before, now);
        if (step.next() == before && step.event() == null) {
          continue;
        }
        if (step.next() != null) {
          slot.record = step.next();
          recount(before, step.next());
        }
        try {
          perAlert.accept(changesOf(before.fingerprint(), step));
        } catch (RuntimeException | Error e) {
          if (step.next() != null) {
            slot.record = before;
            recount(step.next(), before);
          }
          throw e;
        }
        if (step.next() == null) {
          forget(before.fingerprint(), slot);
        }
      } finally {
        slot.lock.unlock();
      }
    }
  }

  /**
   * Rebuilds the alerts from their stored documents ({@code store.loadDocuments("alert")}); call
   * before the first observation. A restored alert continues where it was: one restored FIRING and
   * observed active again makes no new event. Every restored series gets a fresh stale period from
   * now, so a long downtime does not resolve everything at the first tick. Unreadable documents are
   * skipped with a warning (their alerts start afresh).
   *
   * @return how many alerts were restored
   */
  public int restore(Map<String, String> documents) {
    Instant now = clock.instant();
    int restored = 0;
    for (Map.Entry<String, String> e : documents.entrySet()) {
      AlertRecord r;
      try {
        r = AlertDocuments.fromJson(e.getValue());
      } catch (IllegalArgumentException ex) {
        logger.warn("Skipping stored alert {}: {}", e.getKey(), ex.getMessage());
        continue;
      }
      if (!r.fingerprint().equals(e.getKey())) {
        logger.warn(
            "Skipping stored alert {}: its document names fingerprint {}",
            e.getKey(),
            r.fingerprint());
        continue;
      }
      r =
          new AlertRecord(
              r.fingerprint(),
              r.rule(),
              r.labels(),
              r.severity(),
              r.forDuration(),
              r.keepFiringFor(),
              r.state(),
              r.pendingSince(),
              r.activeSince(),
              r.falseSince(),
              r.resolvedAt(),
              r.lastSeen().isAfter(now) ? r.lastSeen() : now,
              r.maxGap(),
              r.history().fit(settings.flapping().window()),
              r.value(),
              r.annotations());
      Slot slot = new Slot();
      slot.record = r;
      if (alerts.putIfAbsent(r.fingerprint(), slot) == null) {
        recount(null, r);
        restored++;
      } else {
        logger.warn("Not restoring alert {}: it was observed before the restore", e.getKey());
      }
    }
    logger.info("Restored {} alerts of {} stored", restored, documents.size());
    return restored;
  }

  /** The alert's current record, if it is known. */
  public Optional<AlertRecord> get(String fingerprint) {
    Slot slot = alerts.get(fingerprint);
    if (slot == null) {
      return Optional.empty();
    }
    slot.lock.lock();
    try {
      return slot.removed || slot.record == null ? Optional.empty() : Optional.of(slot.record());
    } finally {
      slot.lock.unlock();
    }
  }

  /** Every known alert's record (a snapshot, in no order). */
  public List<AlertRecord> snapshot() {
    var out = new ArrayList<AlertRecord>(alerts.size());
    for (String fingerprint : alerts.keySet()) {
      get(fingerprint).ifPresent(out::add);
    }
    return out;
  }

  /** How many alerts are remembered (memory use). */
  public int size() {
    return alerts.size();
  }

  /**
   * Whether an inactive observation of some alert of this rule could change anything: false when
   * the rule has no alert but quiet INACTIVE ones (see {@link #counts}). Then the evaluator need
   * not make its inactive observations at all. Read without a lock: an alert becomes tracked only
   * by an observation of its rule, and the evaluator making those asks between them.
   */
  public boolean tracksRule(String rule) {
    AtomicInteger n = tracked.get(rule);
    return n != null && n.get() > 0;
  }

  /** Whether the alert is remembered, in any state: its inactive observations count. */
  public boolean tracks(String fingerprint) {
    return alerts.containsKey(fingerprint);
  }

  /**
   * Whether an alert makes its rule {@link #tracksRule tracked}: any but an INACTIVE one with no
   * true result left in its flap history. Such a quiet one is kept while it is observed (as every
   * alert is), but does not hold its rule's inactive observations in the slow path; unobserved, it
   * goes stale and is forgotten.
   */
  static boolean counts(AlertRecord r) {
    return r != null && (r.state() != AlertState.INACTIVE || r.history().bits() != 0);
  }

  /** Moves an alert's count from its old record's rule to its new one's (under its lock). */
  private void recount(AlertRecord before, AlertRecord after) {
    boolean was = counts(before);
    boolean is = counts(after);
    if (was && is && before.rule().equals(after.rule())) {
      return;
    }
    if (was) {
      tracked.get(before.rule()).decrementAndGet();
    }
    if (is) {
      tracked.computeIfAbsent(after.rule(), k -> new AtomicInteger()).incrementAndGet();
    }
  }

  private void forget(String fingerprint, Slot slot) {
    slot.removed = true;
    alerts.remove(fingerprint, slot);
    recount(slot.record, null);
  }

  private static Changes changesOf(String fingerprint, Transitions.Step step) {
    AlertEvent e = step.event();
    Changes.Write w =
        switch (step.write()) {
          case NONE -> null;
          case PUT -> new Changes.Put(step.next());
          case DELETE -> new Changes.Delete(fingerprint);
        };
    if (e == null && w == null) {
      return Changes.NONE;
    }
    if (e != null) {
      logger.debug("Alert {} {}: {} → {}", e.rule(), e.fingerprint(), e.from(), e.to());
    }
    return new Changes(e == null ? List.of() : List.of(e), w == null ? List.of() : List.of(w));
  }
}
