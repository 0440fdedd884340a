package io.ravenwatch.alerts.notify;

import io.ravenwatch.alerts.api.Notifier;
import io.ravenwatch.alerts.store.AlertStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the notification outbox: one loop per receiver, each on its own virtual thread, reading
 * {@link AlertStore#pending} and delivering strictly in outbox order.
 *
 * <ul>
 *   <li>A retryable failure blocks that receiver's queue (head-of-line) and is retried with {@link
 *       Backoff exponential backoff} (1 s → 5 min, jittered; or the receiver's {@code
 *       Retry-After}), recorded with {@link AlertStore#markRetry} so the schedule survives a
 *       restart. Other receivers are not held up.
 *   <li>A non-retryable failure is {@link AlertStore#markRejected marked rejected} and skipped, so
 *       a payload a receiver will never take never blocks the ones behind it.
 *   <li>A notification with {@code replyTo} gets the message id the receiver answered for that one,
 *       so a resolve can edit or thread under the message that announced the incident.
 *   <li>{@link #wake()} (called by the router after its transaction commits) starts delivery at
 *       once; otherwise each loop looks every {@link Options#poll()}.
 * </ul>
 *
 * <p>Delivery is exactly-once per receiver except for a crash (or a store failure) between the
 * receiver accepting a notification and {@link AlertStore#markDelivered}: that one is delivered
 * again after restart — at-least-once there. Webhook payloads carry the outbox id (also as {@code
 * Idempotency-Key}) so a receiver can drop the duplicate; Discord messages carry the outbox id as
 * an enforced nonce, so Discord answers the repeat with the message it created the first time.
 *
 * <pre>{@code
 * var dispatcher = new OutboxDispatcher(store, notifiers, clock, OutboxDispatcher.Options.STANDARD);
 * dispatcher.start();
 * // … router: store.inTransaction(tx -> tx.enqueue(n)); dispatcher.wake();
 * dispatcher.close(); // lets the delivery in progress finish
 * }</pre>
 */
public final class OutboxDispatcher implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(OutboxDispatcher.class);

  /**
   * How the dispatcher paces itself.
   *
   * @param batch how many pending notifications to read at once
   * @param poll how often to look when not woken (real time)
   * @param backoff waits between retries of a failing head
   * @param stopTimeout how long {@link #close()} waits for a delivery in progress before
   *     interrupting it
   */
  public record Options(int batch, Duration poll, Backoff backoff, Duration stopTimeout) {
    public static final Options STANDARD =
        new Options(100, Duration.ofSeconds(1), Backoff.STANDARD, Duration.ofSeconds(10));

    public Options {
      if (batch < 1) {
        throw new IllegalArgumentException("batch must be at least 1: " + batch);
      }
      Objects.requireNonNull(poll);
      Objects.requireNonNull(backoff);
      Objects.requireNonNull(stopTimeout);
    }

    /** These options with another poll interval. */
    public Options withPoll(Duration newPoll) {
      return new Options(batch, newPoll, backoff, stopTimeout);
    }
  }

  private final Map<String, DeliveryLoop> loops = new LinkedHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final Duration stopTimeout;
  private boolean started;

  /**
   * A dispatcher for the given receivers; nothing runs before {@link #start()}.
   *
   * @param notifiers by receiver name (notifications addressed to other names stay pending)
   */
  public OutboxDispatcher(
      AlertStore store, Map<String, Notifier> notifiers, Clock clock, Options options) {
    this(store, notifiers, clock, options, RandomGenerator.getDefault());
  }

  /** As above, with the random source of the backoff's jitter (for tests). */
  public OutboxDispatcher(
      AlertStore store,
      Map<String, Notifier> notifiers,
      Clock clock,
      Options options,
      RandomGenerator random) {
    Objects.requireNonNull(store);
    Objects.requireNonNull(clock);
    notifiers.forEach(
        (name, notifier) ->
            loops.put(name, new DeliveryLoop(name, notifier, store, clock, options, random)));
    this.stopTimeout = options.stopTimeout();
  }

  /** Starts one delivery loop per receiver. */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("outbox dispatcher already started");
    }
    started = true;
    for (DeliveryLoop loop : loops.values()) {
      threads.add(Thread.ofVirtual().name("outbox-" + loop.receiver()).start(loop));
    }
    logger.info("delivering notifications to {}", loops.keySet());
  }

  /** Looks at every receiver's outbox now: call after a transaction that enqueued commits. */
  public void wake() {
    loops.values().forEach(DeliveryLoop::wake);
  }

  /** Looks at one receiver's outbox now. */
  public void wake(String receiver) {
    DeliveryLoop loop = loops.get(receiver);
    if (loop != null) {
      loop.wake();
    }
  }

  /**
   * Stops every loop: deliveries in progress may finish (up to {@link Options#stopTimeout()}), then
   * are interrupted; whatever was not marked delivered is delivered after the next start.
   */
  @Override
  public synchronized void close() {
    loops.values().forEach(DeliveryLoop::stop);
    long deadline = System.nanoTime() + stopTimeout.toNanos();
    boolean interrupted = false;
    for (Thread t : threads) {
      try {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (!t.join(Duration.ofMillis(left))) {
          logger.warn("{} still delivering after {}: interrupting it", t.getName(), stopTimeout);
          t.interrupt();
          t.join(Duration.ofSeconds(5));
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    threads.clear();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
