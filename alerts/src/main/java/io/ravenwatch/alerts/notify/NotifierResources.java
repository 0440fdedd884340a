package io.ravenwatch.alerts.notify;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * What notifiers share: the clock, where the console receiver prints, and one HTTP client (its
 * connection pool and threads), from which each webhook derives its own timeouts.
 *
 * @param clock the engine's clock
 * @param console where {@code type: console} receivers print
 * @param http the shared HTTP client
 */
public record NotifierResources(Clock clock, PrintStream console, OkHttpClient http) {

  public NotifierResources {
    Objects.requireNonNull(clock);
    Objects.requireNonNull(console);
    Objects.requireNonNull(http);
  }

  /** The system clock, standard output and a fresh HTTP client. */
  public static NotifierResources standard() {
    return new NotifierResources(Clock.systemUTC(), System.out, new OkHttpClient());
  }
}
