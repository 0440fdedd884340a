package io.ravenwatch.alerts.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notifier;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.probes.config.Validatable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each notification as JSON ({@link WebhookPayload}, version 1) to a URL.
 *
 * <p>Headers sent: {@code Content-Type: application/json}, {@code Idempotency-Key: <outbox id>}
 * (the same as the payload's {@code id}: a crash between delivery and bookkeeping can make the
 * dispatcher send a notification twice, and this is how a receiver tells), {@code X-Request-Id}
 * (random per attempt), {@code Authorization: Bearer <token>} when a token is configured, and the
 * configured headers.
 *
 * <p>Outcomes: 2xx is delivered, its message id the {@code id} field of a JSON answer (a Discord
 * webhook with {@code ?wait=true} answers its message), else the answer's {@code X-Request-Id},
 * else ours. 5xx, 408, connection errors and timeouts are retried; 429 is retried after its {@code
 * Retry-After} (seconds or an HTTP date; at most an hour); any other status is a rejection, since
 * sending the same payload again cannot change the answer.
 */
public final class WebhookNotifier implements Notifier {
  private static final Logger logger = LoggerFactory.getLogger(WebhookNotifier.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  /**
   * Settings of a {@code type: webhook} receiver.
   *
   * @param url where to POST (http or https)
   * @param headers extra request headers
   * @param token sent as {@code Authorization: Bearer …}
   * @param timeout for the whole call, connecting included
   */
  public record Settings(
      String url,
      @OptionalKey Map<String, String> headers,
      @OptionalKey Secret token,
      @Default("10s") Duration timeout)
      implements Validatable {

    public Settings {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    @Override
    public void validate(ConfigProblems problems) {
      if (!validUrl(url)) {
        problems.report("url", "an http:// or https:// URL with a host", url);
      }
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        problems.report("timeout", "a positive duration like 10s", timeout);
      }
      for (String name : headers.keySet()) {
        if (name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
          problems.report("headers", "header names of visible ASCII without ':'", name);
        }
      }
    }

    private static boolean validUrl(String url) {
      try {
        URI uri = URI.create(url);
        String scheme = uri.getScheme();
        return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
            && uri.getHost() != null;
      } catch (IllegalArgumentException | NullPointerException e) {
        return false;
      }
    }
  }

  /** {@code type: webhook}. */
  public static final NotifierType<Settings> TYPE =
      new NotifierType<>(
          "webhook",
          Settings.class,
          (name, settings, res) -> new WebhookNotifier(name, settings, res.http(), res.clock()));

  private final String receiver;
  private final Settings settings;
  private final OkHttpClient http;
  private final Clock clock;
  private final WebhookPayload payload = new WebhookPayload(new ObjectMapper());
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * A webhook receiver.
   *
   * @param http the shared client; this notifier derives its timeout from it
   */
  public WebhookNotifier(String receiver, Settings settings, OkHttpClient http, Clock clock) {
    this.receiver = Objects.requireNonNull(receiver);
    this.settings = Objects.requireNonNull(settings);
    this.http = http.newBuilder().callTimeout(settings.timeout()).build();
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public DeliveryResult deliver(Notification n, String replyToMessageId)
      throws InterruptedException {
    String requestId = UUID.randomUUID().toString();
    var request =
        new Request.Builder()
            .url(settings.url())
            .header("Idempotency-Key", Long.toString(n.id()))
            .header("X-Request-Id", requestId)
            .header("User-Agent", "ravenwatch");
    settings.headers().forEach(request::header);
    if (settings.token() != null) {
      request.header("Authorization", "Bearer " + settings.token().reveal());
    }
    request.post(RequestBody.create(payload.render(n, replyToMessageId), JSON));
    try (Response response = http.newCall(request.build()).execute()) {
      return outcome(response, requestId);
    } catch (IOException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException("webhook call to " + receiver + " interrupted");
      }
      return DeliveryResult.retryLater(describe(e));
    }
  }

  private DeliveryResult outcome(Response response, String requestId) throws IOException {
    int code = response.code();
    if (code >= 200 && code < 300) {
      String id = answeredId(response);
      if (id == null) {
        String echoed = response.header("X-Request-Id");
        id = echoed == null || echoed.isBlank() ? requestId : echoed;
      }
      return DeliveryResult.delivered(id);
    }
    String reason = "HTTP " + code + " from " + receiver + snippet(response);
    if (code == 429) {
      Duration wait = retryAfter(response.header("Retry-After"));
      return wait == null
          ? DeliveryResult.retryLater(reason)
          : DeliveryResult.retryAfter(reason, wait);
    }
    if (code >= 500 || code == 408) {
      return DeliveryResult.retryLater(reason);
    }
    return DeliveryResult.rejected(reason);
  }

  /** The {@code id} of a JSON object answer, or null. */
  private String answeredId(Response response) throws IOException {
    String body = response.peekBody(MAX_ANSWER_BYTES).string().strip();
    if (!body.startsWith("{")) {
      return null;
    }
    try {
      JsonNode id = mapper.readTree(body).get("id");
      return id == null || id.isNull() || id.isContainerNode() ? null : id.asText();
    } catch (IOException notJson) {
      logger.debug("answer of {} is not JSON: {}", receiver, notJson.toString());
      return null;
    }
  }

  /** A {@code Retry-After} value (seconds or an HTTP date) as a wait, or null when unreadable. */
  Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(header.strip()));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        wait = Duration.between(clock.instant(), at);
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    // A receiver asking for a day would stall the queue silently; an hour is loud enough.
    return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }

  private static String snippet(Response response) {
    try {
      String body = response.peekBody(200).string().strip().replaceAll("\\s+", " ");
      return body.isEmpty() ? "" : ": " + body;
    } catch (IOException e) {
      return "";
    }
  }

  private String describe(IOException e) {
    String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // Not the URL itself: some (Discord's, Slack's) carry their secret in the path.
    return "cannot reach " + receiver + " at " + host() + ": " + what;
  }

  private String host() {
    URI uri = URI.create(settings.url());
    return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  @Override
  public String toString() {
    return "WebhookNotifier[" + receiver + " → " + host() + "]";
  }
}
