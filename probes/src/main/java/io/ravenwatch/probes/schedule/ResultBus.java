package io.ravenwatch.probes.schedule;

import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ResultListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every probe result to every subscribed {@link ResultListener}, in-process, on the caller's
 * (the probe's virtual) thread. A listener that throws is logged and skipped: one bad listener
 * never stops the others nor scheduling.
 *
 * <pre>{@code
 * ResultBus bus = new ResultBus();
 * bus.subscribe(influxWriter);
 * bus.subscribe(alertEngine);
 * new PollScheduler(targets, registry, resources, bus, observer, PollScheduler.Settings.defaults());
 * }</pre>
 */
public final class ResultBus implements ResultListener {
  private static final Logger logger = LoggerFactory.getLogger(ResultBus.class);

  /**
   * After the first failure of a listener (logged with its stack trace), one log line per this
   * many.
   */
  private static final long LOG_EVERY = 1000;

  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  /** A subscription; closing it unsubscribes the listener. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private record Subscriber(ResultListener listener, AtomicLong failures) {}

  /** Adds a listener; it receives every result published from now on. */
  public Subscription subscribe(ResultListener listener) {
    var s = new Subscriber(listener, new AtomicLong());
    subscribers.add(s);
    return () -> subscribers.remove(s);
  }

  /** Publishes a result to every listener; never throws because of a listener. */
  @Override
  public void onResult(ProbeResult result) {
    for (Subscriber s : subscribers) {
      try {
        s.listener().onResult(result);
      } catch (RuntimeException e) {
        long n = s.failures().incrementAndGet();
        if (n == 1) {
          logger.error(
              "Result listener {} failed on {} of {}; it keeps receiving results",
              s.listener(),
              result.probe(),
              result.target(),
              e);
        } else if (n % LOG_EVERY == 0) {
          logger.error(
              "Result listener {} has failed {} times, last: {}", s.listener(), n, e.toString());
        }
      }
    }
  }

  /** How many listeners are subscribed. */
  public int size() {
    return subscribers.size();
  }
}
