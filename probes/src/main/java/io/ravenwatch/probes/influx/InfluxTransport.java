package io.ravenwatch.probes.influx;

import io.ravenwatch.probes.config.Secret;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.InfluxDBIOException;

/**
 * Writes line protocol through influxdb-java's v1 API ({@code POST /write}), which InfluxDB 1.x,
 * 2.x (with a DBRP mapping) and 3.x all serve, and sorts failures into {@link
 * WriteOutcome.Rejected} (the points are bad: never retry) and {@link WriteOutcome.Unavailable}
 * (InfluxDB is: keep the points). Used by one thread at a time.
 */
final class InfluxTransport implements AutoCloseable {
  private static final Pattern DROPPED = Pattern.compile("dropped=(\\d+)");
  private static final Pattern UNABLE_TO_PARSE = Pattern.compile("unable to parse");

  // Created at the first write: influxdb-java resolves the host name when it connects, and a name
  // that does not resolve yet (a container started before its InfluxDB) must mean "spool", not a
  // failed start.
  private final Supplier<InfluxDB> connect;
  private InfluxDB influx;
  private final String database;
  private final String retentionPolicy;
  private final String safeUrl;
  private final boolean gzip;
  // influxdb-java turns every error answer into an exception without its status: an interceptor
  // keeps the status of the last answer, which is what tells a bad point from a sick server.
  private volatile int lastStatus;

  InfluxTransport(InfluxSettings settings) {
    this.database = settings.database();
    this.retentionPolicy = settings.retentionPolicy();
    this.safeUrl = redact(settings.url());
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .connectTimeout(settings.timeout())
            .readTimeout(settings.timeout())
            .writeTimeout(settings.timeout())
            .callTimeout(settings.timeout())
            .addInterceptor(
                chain -> {
                  Response response = chain.proceed(chain.request());
                  lastStatus = response.code();
                  return response;
                });
    Secret token = settings.token();
    if (token != null) {
      // InfluxDB 2.x and 3.x accept their API token on the v1 API this way; it wins over a
      // username/password, which influxdb-java would otherwise send as Basic auth.
      String header = "Token " + token.reveal();
      http.addInterceptor(
          chain ->
              chain.proceed(chain.request().newBuilder().header("Authorization", header).build()));
      this.connect = () -> InfluxDBFactory.connect(settings.url(), http);
    } else if (settings.username() != null && settings.password() != null) {
      Secret user = settings.username();
      Secret password = settings.password();
      this.connect =
          () -> InfluxDBFactory.connect(settings.url(), user.reveal(), password.reveal(), http);
    } else {
      this.connect = () -> InfluxDBFactory.connect(settings.url(), http);
    }
    this.gzip = settings.gzip();
  }

  private InfluxDB influx() {
    if (influx == null) {
      InfluxDB created = connect.get();
      created.setLogLevel(InfluxDB.LogLevel.NONE);
      if (gzip) {
        created.enableGzip();
      }
      influx = created;
    }
    return influx;
  }

  /** Writes the lines (line protocol, nanosecond timestamps) in one request. */
  synchronized WriteOutcome write(List<String> lines) {
    lastStatus = 0;
    try {
      influx()
          .write(
              database,
              retentionPolicy,
              InfluxDB.ConsistencyLevel.ONE,
              TimeUnit.NANOSECONDS,
              lines);
      return new WriteOutcome.Written(lines.size());
    } catch (InfluxDBIOException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new WriteOutcome.Unavailable(cause.getClass().getSimpleName() + ": " + message(cause));
    } catch (InfluxDBException e) {
      int status = lastStatus;
      String reason = message(e);
      // 400 is InfluxDB 1.x's answer to malformed points and type conflicts (a partial write:
      // the good points of the batch are stored); 422 is 2.x's.
      if (status == 400 || status == 422) {
        return new WriteOutcome.Rejected(dropped(reason, lines.size()), reason);
      }
      return new WriteOutcome.Unavailable("HTTP " + status + ": " + reason);
    } catch (RuntimeException e) {
      return new WriteOutcome.Unavailable(e.getClass().getSimpleName() + ": " + message(e));
    }
  }

  /** The URL without any user info, fit for logs. */
  String safeUrl() {
    return safeUrl;
  }

  @Override
  public synchronized void close() {
    if (influx != null) {
      influx.close();
    }
  }

  static int dropped(String reason, int batch) {
    Matcher m = DROPPED.matcher(reason);
    if (m.find()) {
      return Math.min(batch, Integer.parseInt(m.group(1)));
    }
    long unparsable = UNABLE_TO_PARSE.matcher(reason).results().count();
    return unparsable > 0 ? (int) Math.min(batch, unparsable) : batch;
  }

  static String redact(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getUserInfo() == null) {
        return url;
      }
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
          .toString();
    } catch (Exception e) {
      return "(unparsable url)";
    }
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null ? "(no message)" : m.strip();
  }
}
