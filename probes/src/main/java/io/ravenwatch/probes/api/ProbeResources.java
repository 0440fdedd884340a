package io.ravenwatch.probes.api;

import io.ravenwatch.probes.snmp.SnmpClient;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Resources shared by every probe run: the clock, one asynchronous SNMP session for all targets,
 * and one HTTP client (its connection pool and dispatcher). Created once at start, closed at stop.
 */
public final class ProbeResources implements AutoCloseable {
  private final Clock clock;
  private volatile SnmpClient snmp;
  private volatile OkHttpClient http;

  public ProbeResources(Clock clock) {
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /** The shared SNMP session, opened on first use. */
  public SnmpClient snmp() {
    SnmpClient s = snmp;
    if (s == null) {
      synchronized (this) {
        if (snmp == null) {
          snmp = SnmpClient.open();
        }
        s = snmp;
      }
    }
    return s;
  }

  /** The shared HTTP client; probes derive per-probe timeouts with {@code newBuilder()}. */
  public OkHttpClient http() {
    OkHttpClient h = http;
    if (h == null) {
      synchronized (this) {
        if (http == null) {
          http =
              new OkHttpClient.Builder()
                  .connectTimeout(Duration.ofSeconds(5))
                  .readTimeout(Duration.ofSeconds(5))
                  .retryOnConnectionFailure(false)
                  .build();
        }
        h = http;
      }
    }
    return h;
  }

  @Override
  public void close() {
    if (snmp != null) {
      snmp.close();
    }
    if (http != null) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
