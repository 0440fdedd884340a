package io.ravenwatch.bot.health;

import io.ravenwatch.probes.influx.InfluxSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * InfluxDB answers its {@code /ping}, or else the writer keeps the points in its on-disk spool:
 * "degraded but ready", since nothing is lost and the spool is replayed in order once InfluxDB is
 * back. Down only when points are being lost: the spool full or unwritable (its dropped-points
 * counter grew within the last {@value #DROP_WINDOW_MINUTES} minutes) while InfluxDB is away.
 */
public final class InfluxCheck implements HealthCheck {
  static final int DROP_WINDOW_MINUTES = 5;
  private static final Duration DROP_WINDOW = Duration.ofMinutes(DROP_WINDOW_MINUTES);

  private final InfluxSettings settings;
  private final LongSupplier spooledPoints;
  private final LongSupplier droppedPoints;
  private final Clock clock;
  private final Duration timeout;
  private final HttpClient http;
  private long lastDropped;
  private Instant lastDropAt;

  /**
   * @param settings the {@code influxdb:} section (its url; credentials are not needed for ping)
   * @param spooledPoints points waiting in the spool, e.g. {@code writer::spooledPoints}
   * @param droppedPoints points the spool has dropped since start (a counter)
   * @param timeout how long the ping may take
   */
  public InfluxCheck(
      InfluxSettings settings,
      LongSupplier spooledPoints,
      LongSupplier droppedPoints,
      Clock clock,
      Duration timeout) {
    this.settings = settings;
    this.spooledPoints = spooledPoints;
    this.droppedPoints = droppedPoints;
    this.clock = clock;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.lastDropped = droppedPoints.getAsLong();
  }

  @Override
  public String name() {
    return "influxdb";
  }

  @Override
  public CheckResult check() {
    long spooled = spooledPoints.getAsLong();
    if (!settings.enabled()) {
      return spoolState("no InfluxDB url configured", spooled);
    }
    String where = safeUrl(settings.url());
    String problem = ping();
    if (problem == null) {
      return CheckResult.up(
          "reachable at "
              + where
              + (spooled > 0 ? "; replaying " + spooled + " spooled points" : ""));
    }
    return spoolState("unreachable at " + where + " (" + problem + ")", spooled);
  }

  private synchronized CheckResult spoolState(String why, long spooled) {
    long dropped = droppedPoints.getAsLong();
    Instant now = clock.instant();
    if (dropped > lastDropped) {
      lastDropped = dropped;
      lastDropAt = now;
    }
    if (lastDropAt != null && Duration.between(lastDropAt, now).compareTo(DROP_WINDOW) < 0) {
      return CheckResult.down(
          why
              + "; the spool is losing points ("
              + dropped
              + " dropped since start): it is full or cannot be written");
    }
    return CheckResult.degraded(why + "; spooling to disk, " + spooled + " points waiting");
  }

  /** Null when InfluxDB answered 2xx, else why not. */
  private String ping() {
    URI uri;
    try {
      uri = URI.create(stripSlash(settings.url()) + "/ping");
    } catch (IllegalArgumentException e) {
      return "bad url";
    }
    var request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    try {
      int code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return code / 100 == 2 ? null : "HTTP " + code + " from /ping";
    } catch (IOException e) {
      return Failures.describe(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Scheme, host, port and path: never user info or query parameters (which may hold secrets). */
  static String safeUrl(String url) {
    try {
      URI u = URI.create(url);
      if (u.getHost() == null) {
        return "(the configured url)";
      }
      return u.getScheme()
          + "://"
          + u.getHost()
          + (u.getPort() >= 0 ? ":" + u.getPort() : "")
          + (u.getRawPath() == null ? "" : u.getRawPath());
    } catch (IllegalArgumentException e) {
      return "(the configured url)";
    }
  }
}
