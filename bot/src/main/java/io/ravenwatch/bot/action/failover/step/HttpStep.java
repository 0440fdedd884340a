package io.ravenwatch.bot.action.failover.step;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.probes.config.Validatable;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code http}: one request to an API — a load balancer's pool, a DNS provider's record — as a step
 * or, with {@code GET}, as a check. The URL, headers and body are templates over the configuration
 * ({@code {{standby.host}}} …); the token goes into an {@code Authorization: Bearer} header and
 * never into a report. OK when the status is in {@code expect_status} (any 2xx when empty).
 *
 * <pre>{@code
 * - type: http
 *   method: PUT
 *   url: https://lb.example.org/api/pools/cache/active
 *   body: '{"backend": "{{standby.host}}:6379"}'
 *   token: ${LB_TOKEN}
 * }</pre>
 */
public final class HttpStep implements Step {
  public static final StepType<Settings> TYPE =
      new StepType<>("http", Settings.class, StepType.Endpoint.NONE, HttpStep::new);

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final OkHttpClient SHARED = new OkHttpClient();

  /**
   * @param method GET, POST, PUT, PATCH or DELETE
   * @param url the URL (a template)
   * @param headers extra headers (values are templates)
   * @param body the request body (a template), sent as {@code content_type}
   * @param contentType the body's media type
   * @param token a bearer token
   * @param expectStatus the statuses that mean success (empty: any 2xx)
   */
  public record Settings(
      @Default("POST") String method,
      String url,
      @OptionalKey Map<String, String> headers,
      @OptionalKey String body,
      @Default("application/json") String contentType,
      @OptionalKey Secret token,
      @OptionalKey List<Integer> expectStatus)
      implements Validatable {
    @Override
    public void validate(ConfigProblems problems) {
      if (!METHODS.contains(method.toUpperCase(Locale.ROOT))) {
        problems.report("method", "one of GET, POST, PUT, PATCH, DELETE", method);
      }
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        problems.report("url", "an http:// or https:// URL", url);
      } else if (url.matches("https?://[^/?#]*@.*")) {
        // It would show in the plan and the audit: credentials belong in token: ${ENV}.
        problems.report(
            "url",
            "a URL without credentials (give them as token: ${ENV})",
            "a URL with user info");
      }
      Templates.check(url, "url", problems);
      Templates.check(body, "body", problems);
      headers.forEach((k, v) -> Templates.check(v, "headers." + k, problems));
    }
  }

  private final Settings settings;

  HttpStep(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String describe(StepContext c) {
    return "HTTP: " + settings.method().toUpperCase(Locale.ROOT) + " " + c.render(settings.url());
  }

  @Override
  public StepResult run(StepContext c) throws InterruptedException {
    String method = settings.method().toUpperCase(Locale.ROOT);
    String url = c.render(settings.url());
    RequestBody body =
        settings.body() == null
            ? (method.equals("GET") || method.equals("DELETE")
                ? null
                : RequestBody.create(new byte[0]))
            : RequestBody.create(
                c.render(settings.body()), MediaType.parse(settings.contentType()));
    var request = new Request.Builder().url(url).method(method, body);
    settings.headers().forEach((k, v) -> request.header(k, c.render(v)));
    if (settings.token() != null) {
      request.header("Authorization", "Bearer " + settings.token().reveal());
    }
    OkHttpClient client = SHARED.newBuilder().callTimeout(c.timeout()).build();
    try (Response response = client.newCall(request.build()).execute()) {
      int status = response.code();
      boolean ok =
          settings.expectStatus().isEmpty()
              ? status >= 200 && status < 300
              : settings.expectStatus().contains(status);
      String observed = method + " " + url + " → " + status;
      return ok
          ? StepResult.ok(observed)
          : StepResult.failed(
              "answered "
                  + status
                  + (settings.expectStatus().isEmpty()
                      ? ", expected 2xx"
                      : ", expected " + settings.expectStatus()),
              observed);
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted during " + method + " " + url);
      }
      return StepResult.failed(method + " " + url + ": " + e.getMessage());
    }
  }
}
