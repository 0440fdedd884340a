package io.ravenwatch.probes.http;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One HTTP(S) request to a URL, written as Telegraf's {@code http_response} measurement. Runs on
 * the shared OkHttp client ({@link io.ravenwatch.probes.api.ProbeResources#http()}), deriving this
 * probe's timeouts and redirect policy with {@code newBuilder()} so the connection pool is shared.
 *
 * <p>Fields: {@code response_time} (seconds until the response headers), {@code
 * http_response_code}, {@code content_length} (the {@code Content-Length}, else the bytes read),
 * {@code response_string_match} (1/0, when {@code body_regex} is set), {@code result_code} (0
 * success, 1 response_string_mismatch, 2 body_read_error, 3 connection_failed, 4 timeout, 5
 * dns_error, 6 response_status_code_mismatch); tags {@code server} (the URL), {@code method},
 * {@code status_code}, {@code result}. At most 1 MiB of the body is read; {@code body_regex} is
 * searched in that part.
 */
public final class HttpResponseProbe implements Probe {

  /** The probe type, registered in the standard registry; the URL names the host. */
  public static final ProbeType<Settings> TYPE =
      new ProbeType<>(
          "http_response", Settings.class, ProbeRegistry.NOTHING, HttpResponseProbe::new);

  /**
   * Settings of an {@code http_response} probe.
   *
   * @param url the http or https URL to request
   * @param method the HTTP method
   * @param expectedStatus the status the response must have; absent: any 2xx, and also any 3xx when
   *     {@code follow_redirects} is false (an unfollowed redirect is then the expected answer)
   * @param bodyRegex a pattern the body must contain (searched, not fully matched), or absent
   * @param followRedirects whether to follow redirects
   * @param headers request headers
   * @param body a request body (not with GET or HEAD), or absent
   * @param insecureSkipVerify accept any TLS certificate and host name
   */
  public record Settings(
      String url,
      @Default("GET") String method,
      @OptionalKey Integer expectedStatus,
      @OptionalKey Pattern bodyRegex,
      @Default("true") boolean followRedirects,
      @OptionalKey Map<String, String> headers,
      @OptionalKey String body,
      @Default("false") boolean insecureSkipVerify)
      implements Validatable {

    public Settings {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** GET with the defaults, for tests and quick use. */
    public static Settings get(String url) {
      return new Settings(url, "GET", null, null, true, Map.of(), null, false);
    }

    @Override
    public void validate(ConfigProblems problems) {
      if (url == null || HttpUrl.parse(url) == null) {
        problems.report("url", "an http:// or https:// URL", url);
      }
      if (method == null || !method.matches("[A-Z]+")) {
        problems.report("method", "an HTTP method in capitals, e.g. GET", method);
      } else if (body != null && !permitsBody(method)) {
        problems.report("body", "no body with " + method, body);
      }
      if (expectedStatus != null && (expectedStatus < 100 || expectedStatus > 599)) {
        problems.report("expected_status", "a status from 100 to 599", expectedStatus);
      }
      try {
        Headers.of(headers);
      } catch (IllegalArgumentException e) {
        problems.report("headers", "valid header names and values (" + e.getMessage() + ")", "…");
      }
    }
  }

  /** Telegraf's result values, in result_code order. */
  enum Result {
    SUCCESS,
    RESPONSE_STRING_MISMATCH,
    BODY_READ_ERROR,
    CONNECTION_FAILED,
    TIMEOUT,
    DNS_ERROR,
    RESPONSE_STATUS_CODE_MISMATCH;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final int BODY_LIMIT = 1 << 20;

  private final Settings settings;

  HttpResponseProbe(Target target, Settings settings) {
    this.settings = settings;
  }

  @Override
  public ProbeResult run(ProbeContext ctx) throws InterruptedException {
    Instant started = ctx.clock().instant();
    Attempt a;
    int attempt = 0;
    while (true) {
      a = attempt(ctx);
      if (a.result == Result.SUCCESS || attempt++ >= ctx.retries() || ctx.remaining().isZero()) {
        break;
      }
    }
    Point.Builder p =
        ctx.point("http_response", started)
            .tag("server", settings.url())
            .tag("method", settings.method())
            .tag("result", a.result.tag())
            .field("result_code", a.result.ordinal());
    if (a.status != null) {
      p.tag("status_code", a.status.toString())
          .field("http_response_code", a.status)
          .field("response_time", a.responseSeconds)
          .field("content_length", a.contentLength)
          .field("response_string_match", a.stringMatch);
    }
    List<Point> points = List.of(p.build());
    return a.result == Result.SUCCESS
        ? ctx.ok(started, points)
        : ctx.failed(started, a.reason, points);
  }

  private Attempt attempt(ProbeContext ctx) throws InterruptedException {
    Duration limit = min(ctx.timeout(), ctx.remaining());
    if (limit.isZero()) {
      limit = Duration.ofMillis(1);
    }
    OkHttpClient.Builder b =
        ctx.resources()
            .http()
            .newBuilder()
            .callTimeout(limit)
            .connectTimeout(limit)
            .readTimeout(limit)
            .writeTimeout(limit)
            .followRedirects(settings.followRedirects())
            .followSslRedirects(settings.followRedirects());
    if (settings.insecureSkipVerify()) {
      b.sslSocketFactory(InsecureTls.SOCKET_FACTORY, InsecureTls.TRUST_ALL)
          .hostnameVerifier((host, session) -> true);
    }
    Request request =
        new Request.Builder()
            .url(settings.url())
            .headers(Headers.of(settings.headers()))
            .method(settings.method(), requestBody())
            .build();
    long t0 = System.nanoTime();
    try (Response response = b.build().newCall(request).execute()) {
      double seconds = (System.nanoTime() - t0) / 1e9;
      int status = response.code();
      ResponseBody body = response.body();
      byte[] data;
      try (InputStream in = body.byteStream()) {
        data = in.readNBytes(BODY_LIMIT);
      } catch (IOException e) {
        Result r = classify(e, Result.BODY_READ_ERROR);
        return new Attempt(r, "reading the body: " + describe(e), status, seconds, null, null);
      }
      long length = body.contentLength() >= 0 ? body.contentLength() : data.length;
      Integer match = null;
      if (settings.bodyRegex() != null) {
        String text = new String(data, charset(body.contentType()));
        match = settings.bodyRegex().matcher(text).find() ? 1 : 0;
      }
      if (!statusExpected(status)) {
        String want =
            settings.expectedStatus() != null
                ? settings.expectedStatus().toString()
                : settings.followRedirects() ? "2xx" : "2xx or 3xx";
        return new Attempt(
            Result.RESPONSE_STATUS_CODE_MISMATCH,
            "status " + status + ", expected " + want,
            status,
            seconds,
            length,
            match);
      }
      if (match != null && match == 0) {
        return new Attempt(
            Result.RESPONSE_STRING_MISMATCH,
            "body does not match /" + settings.bodyRegex().pattern() + "/",
            status,
            seconds,
            length,
            match);
      }
      return new Attempt(Result.SUCCESS, "", status, seconds, length, match);
    } catch (IOException e) {
      return new Attempt(
          classify(e, Result.CONNECTION_FAILED), describe(e), null, null, null, null);
    }
  }

  private boolean statusExpected(int status) {
    if (settings.expectedStatus() != null) {
      return status == settings.expectedStatus();
    }
    return (status >= 200 && status < 300)
        || (!settings.followRedirects() && status >= 300 && status < 400);
  }

  private RequestBody requestBody() {
    if (settings.body() != null) {
      return RequestBody.create(settings.body(), (MediaType) null);
    }
    return requiresBody(settings.method()) ? RequestBody.create(new byte[0], null) : null;
  }

  private static Result classify(IOException e, Result otherwise) throws InterruptedException {
    // OkHttp (okio) reports a thread interrupt as InterruptedIOException("interrupted").
    if (Thread.currentThread().isInterrupted() || "interrupted".equals(e.getMessage())) {
      throw new InterruptedException("interrupted during HTTP request");
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return Result.DNS_ERROR;
      }
    }
    // SocketTimeoutException is one, and so is the call timeout's
    // InterruptedIOException("timeout").
    return e instanceof InterruptedIOException ? Result.TIMEOUT : otherwise;
  }

  private String describe(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return settings.method() + " " + settings.url() + ": " + message;
  }

  private static Charset charset(MediaType type) {
    Charset c = type == null ? null : type.charset();
    return c == null ? StandardCharsets.UTF_8 : c;
  }

  static boolean permitsBody(String method) {
    return !method.equals("GET") && !method.equals("HEAD");
  }

  private static boolean requiresBody(String method) {
    return switch (method) {
      case "POST", "PUT", "PATCH", "PROPPATCH", "REPORT" -> true;
      default -> false;
    };
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private record Attempt(
      Result result,
      String reason,
      Integer status,
      Double responseSeconds,
      Long contentLength,
      Integer stringMatch) {}
}
