package io.ravenwatch.alerts.notify;

import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notifier;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Delivers one receiver's outbox, strictly in order: the head must be delivered (or rejected)
 * before anything behind it is tried. Runs on its own virtual thread; see {@link OutboxDispatcher}.
 */
final class DeliveryLoop implements Runnable {
  private static final Logger logger = LoggerFactory.getLogger(DeliveryLoop.class);

  private final String receiver;
  private final Notifier notifier;
  private final AlertStore store;
  private final Clock clock;
  private final OutboxDispatcher.Options options;
  private final RandomGenerator random;

  // A lock and condition, not synchronized/wait: a virtual thread parks without pinning its
  // carrier.
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signal = lock.newCondition();
  private boolean woken;
  private volatile boolean running = true;

  DeliveryLoop(
      String receiver,
      Notifier notifier,
      AlertStore store,
      Clock clock,
      OutboxDispatcher.Options options,
      RandomGenerator random) {
    this.receiver = receiver;
    this.notifier = notifier;
    this.store = store;
    this.clock = clock;
    this.options = options;
    this.random = random;
  }

  @Override
  public void run() {
    MDC.put("receiver", receiver);
    try {
      while (running) {
        Duration wait;
        try {
          wait = drain();
        } catch (RuntimeException e) {
          // The store is away (database down) or a bug: keep the loop alive and try again.
          logger.warn("outbox of {}: {}", receiver, e.toString(), e);
          wait = options.poll();
        }
        await(wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      logger.debug("delivery loop of {} stopped", receiver);
      MDC.remove("receiver");
    }
  }

  /** Wakes the loop now (something was enqueued, or it should stop). */
  void wake() {
    lock.lock();
    try {
      woken = true;
      signal.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Asks the loop to stop after the delivery in progress, if any. */
  void stop() {
    running = false;
    wake();
  }

  /**
   * Delivers what is due, in order, until the outbox is empty or its head must wait.
   *
   * @return how long to wait before looking again (real time; never more than the poll interval, so
   *     that a changed clock or a lost wake-up costs at most one poll)
   */
  private Duration drain() throws InterruptedException {
    while (running) {
      List<OutboxEntry> batch = store.pending(receiver, options.batch());
      if (batch.isEmpty()) {
        return options.poll();
      }
      for (OutboxEntry entry : batch) {
        if (!running) {
          return Duration.ZERO;
        }
        Instant now = clock.instant();
        if (entry.nextAttempt() != null && now.isBefore(entry.nextAttempt())) {
          return capped(Duration.between(now, entry.nextAttempt()));
        }
        Duration retryIn = deliver(entry);
        if (retryIn != null) {
          return capped(retryIn); // head-of-line: nothing behind it goes first
        }
      }
    }
    return Duration.ZERO;
  }

  /** One attempt; returns null when the queue may move on, else how long until the retry. */
  private Duration deliver(OutboxEntry entry) throws InterruptedException {
    Notification n = entry.notification();
    String replyToMessageId = replyToMessageId(n);
    DeliveryResult result;
    try {
      result = notifier.deliver(n, replyToMessageId);
    } catch (RuntimeException e) {
      logger.error("notifier {} failed on notification {}", receiver, n.id(), e);
      result = DeliveryResult.retryLater("notifier failed: " + e);
    }
    Instant now = clock.instant();
    switch (result) {
      case DeliveryResult.Delivered d -> {
        // A crash right here delivers this notification again after restart: at-least-once.
        store.markDelivered(n.id(), d.messageId(), now);
        logger.debug("delivered {} #{} to {} as {}", n.kind(), n.id(), receiver, d.messageId());
        return null;
      }
      case DeliveryResult.Failed f when f.retryable() -> {
        int failures = entry.attempts() + 1;
        Duration wait = options.backoff().delay(failures, random);
        if (f.retryAfter() != null) {
          // The receiver's word, but never a hot loop on "Retry-After: 0".
          Duration floor = options.backoff().first();
          wait = f.retryAfter().compareTo(floor) < 0 ? floor : f.retryAfter();
        }
        store.markRetry(n.id(), f.reason(), now.plus(wait));
        logger.warn(
            "notification #{} to {} failed (attempt {}), retrying in {} s: {}",
            n.id(),
            receiver,
            failures,
            wait.toSeconds(),
            f.reason());
        return wait;
      }
      case DeliveryResult.Failed f -> {
        store.markRejected(n.id(), f.reason(), now);
        logger.error("notification #{} rejected by {}, skipped: {}", n.id(), receiver, f.reason());
        return null;
      }
    }
  }

  private String replyToMessageId(Notification n) {
    if (n.replyTo() == null) {
      return null;
    }
    return store.entry(n.replyTo()).map(OutboxEntry::messageId).orElse(null);
  }

  private Duration capped(Duration wait) {
    return wait.compareTo(options.poll()) > 0 ? options.poll() : wait;
  }

  private void await(Duration wait) throws InterruptedException {
    lock.lock();
    try {
      long nanos = wait.toNanos();
      while (!woken && running && nanos > 0) {
        nanos = signal.awaitNanos(nanos);
      }
      woken = false;
    } finally {
      lock.unlock();
    }
  }

  String receiver() {
    return receiver;
  }
}
