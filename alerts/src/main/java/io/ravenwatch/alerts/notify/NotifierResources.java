package io.ravenwatch.alerts.notify;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * What notifiers share: the clock, where the console receiver prints, one HTTP client (its
 * connection pool and threads), from which each webhook derives its own timeouts, and services that
 * modules above alerts provide to their own notifier types (the bot's Discord session, say), looked
 * up by type so this module needs to know nothing about them.
 *
 * <pre>{@code
 * var resources = new NotifierResources(clock, System.out, http).withService(DiscordLink.class, link);
 * // in DiscordNotifier's factory:
 * DiscordLink link = resources.service(DiscordLink.class).orElseThrow();
 * }</pre>
 *
 * @param clock the engine's clock
 * @param console where {@code type: console} receivers print
 * @param http the shared HTTP client
 * @param services by the type they are looked up with
 */
public record NotifierResources(
    Clock clock, PrintStream console, OkHttpClient http, Map<Class<?>, Object> services) {

  public NotifierResources {
    Objects.requireNonNull(clock);
    Objects.requireNonNull(console);
    Objects.requireNonNull(http);
    services.forEach(
        (type, service) -> {
          if (!type.isInstance(service)) {
            throw new IllegalArgumentException(service + " is not a " + type.getName());
          }
        });
    services = Map.copyOf(services);
  }

  /** Resources without services. */
  public NotifierResources(Clock clock, PrintStream console, OkHttpClient http) {
    this(clock, console, http, Map.of());
  }

  /** The system clock, standard output and a fresh HTTP client. */
  public static NotifierResources standard() {
    return new NotifierResources(Clock.systemUTC(), System.out, new OkHttpClient());
  }

  /** These resources plus one service (replacing any of the same type). */
  public <T> NotifierResources withService(Class<T> type, T service) {
    var more = new LinkedHashMap<>(services);
    more.put(type, Objects.requireNonNull(service));
    return new NotifierResources(clock, console, http, more);
  }

  /** The service registered under {@code type}, if any. */
  public <T> Optional<T> service(Class<T> type) {
    return Optional.ofNullable(services.get(type)).map(type::cast);
  }
}
