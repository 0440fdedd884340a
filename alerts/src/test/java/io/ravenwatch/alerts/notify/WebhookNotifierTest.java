package io.ravenwatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.testkit.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {
  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private WebhookNotifier notifier(Secret token, Duration timeout) {
    var settings =
        new WebhookNotifier.Settings(
            server.url("/hook").toString(), Map.of("X-Team", "ops"), token, timeout);
    return new WebhookNotifier("ops", settings, new OkHttpClient(), clock);
  }

  private WebhookNotifier notifier() {
    return notifier(null, Duration.ofSeconds(5));
  }

  private static MockResponse respond(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  @Test
  void postsTheDocumentedPayload() throws Exception {
    server.enqueue(respond(200, ""));
    Notification n = Notifications.notification("ops", Notification.Kind.RESOLVED, 40L).withId(42);

    notifier(Secret.literal("t0ken"), Duration.ofSeconds(5)).deliver(n, "m-17");

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/hook");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t0ken");
    assertThat(request.getHeaders().get("X-Team")).isEqualTo("ops");
    assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("42");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = json.readTree(request.getBody().utf8());
    assertThat(fieldNames(body))
        .containsExactly(
            "version",
            "id",
            "kind",
            "receiver",
            "group_key",
            "group_labels",
            "severity",
            "alerts",
            "suppressed",
            "cause",
            "mention",
            "reply_to",
            "reply_to_message_id",
            "created_at");
    assertThat(body.get("version").asInt()).isEqualTo(1);
    assertThat(body.get("id").asLong()).isEqualTo(42);
    assertThat(body.get("kind").asText()).isEqualTo("resolved");
    assertThat(body.get("receiver").asText()).isEqualTo("ops");
    assertThat(body.get("group_key").asText()).isEqualTo(n.groupKey());
    assertThat(body.get("group_labels").get("alertname").asText()).isEqualTo("HostDown");
    assertThat(body.get("severity").asText()).isEqualTo("critical");
    assertThat(body.get("suppressed").asInt()).isEqualTo(3);
    assertThat(body.get("cause").asText()).isEqualTo("switch1");
    assertThat(body.get("mention").asText()).isEqualTo("@oncall");
    assertThat(body.get("reply_to").asLong()).isEqualTo(40);
    assertThat(body.get("reply_to_message_id").asText()).isEqualTo("m-17");
    assertThat(body.get("created_at").asText()).isEqualTo("2025-03-01T10:00:00Z");
    JsonNode alert = body.get("alerts").get(1);
    assertThat(fieldNames(alert))
        .containsExactly(
            "fingerprint",
            "rule",
            "labels",
            "severity",
            "state",
            "target",
            "since",
            "value",
            "annotations",
            "acked_by");
    assertThat(alert.get("fingerprint").asText()).isEqualTo(n.alerts().get(1).fingerprint());
    assertThat(alert.get("rule").asText()).isEqualTo("HostDown");
    assertThat(alert.get("labels").get("source").asText()).isEqualTo("web2");
    assertThat(alert.get("state").asText()).isEqualTo("firing");
    assertThat(alert.get("target").asText()).isEqualTo("web2");
    assertThat(alert.get("since").asText()).isEqualTo("2025-03-01T09:59:00Z");
    assertThat(alert.get("value").asDouble()).isEqualTo(1.0);
    assertThat(alert.get("annotations").get("summary").asText()).isEqualTo("web2 does not answer");
    assertThat(alert.get("acked_by").asText()).isEqualTo("alice");
    assertThat(body.get("alerts").get(0).get("acked_by").isNull()).isTrue();
  }

  @Test
  void firstNotificationHasNullReplyFields() throws Exception {
    server.enqueue(respond(200, ""));

    notifier().deliver(Notifications.firing("ops").withId(1), null);

    JsonNode body = json.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
    assertThat(body.get("reply_to").isNull()).isTrue();
    assertThat(body.get("reply_to_message_id").isNull()).isTrue();
  }

  @Test
  void deliveredWithTheIdTheReceiverAnswered() throws Exception {
    server.enqueue(respond(200, "{\"id\": \"1234567890\", \"channel_id\": \"9\"}"));

    DeliveryResult result = notifier().deliver(Notifications.firing("ops").withId(1), null);

    assertThat(result).isEqualTo(new DeliveryResult.Delivered("1234567890"));
  }

  @Test
  void deliveredWithTheRequestIdWhenTheAnswerHasNoId() throws Exception {
    server.enqueue(respond(204, ""));

    DeliveryResult result = notifier().deliver(Notifications.firing("ops").withId(1), null);

    String sent = server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-Request-Id");
    assertThat(sent).isNotBlank();
    assertThat(result).isEqualTo(new DeliveryResult.Delivered(sent));
  }

  @Test
  void serverErrorsAndRequestTimeoutAreRetryable() throws Exception {
    server.enqueue(respond(503, "down for maintenance"));
    // OkHttp itself repeats a request once after a 408; the second 408 is ours to handle.
    server.enqueue(respond(408, ""));
    server.enqueue(respond(408, ""));

    var first = notifier().deliver(Notifications.firing("ops").withId(1), null);
    var second = notifier().deliver(Notifications.firing("ops").withId(1), null);

    assertThat(first)
        .isEqualTo(new DeliveryResult.Failed("HTTP 503 from ops: down for maintenance", true));
    assertThat(second).isEqualTo(DeliveryResult.retryLater("HTTP 408 from ops"));
  }

  @Test
  void clientErrorsAreRejected() throws Exception {
    server.enqueue(respond(400, "{\"error\":\"bad payload\"}"));

    var result = notifier().deliver(Notifications.firing("ops").withId(1), null);

    assertThat(result)
        .isEqualTo(DeliveryResult.rejected("HTTP 400 from ops: {\"error\":\"bad payload\"}"));
  }

  @Test
  void tooManyRequestsWaitsForRetryAfterSecondsOrDate() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "Sat, 01 Mar 2025 10:00:30 GMT")
            .build());

    var seconds = notifier().deliver(Notifications.firing("ops").withId(1), null);
    var date = notifier().deliver(Notifications.firing("ops").withId(1), null);

    assertThat(seconds)
        .isEqualTo(DeliveryResult.retryAfter("HTTP 429 from ops", Duration.ofSeconds(120)));
    assertThat(date)
        .isEqualTo(DeliveryResult.retryAfter("HTTP 429 from ops", Duration.ofSeconds(30)));
  }

  @Test
  void unreachableReceiverIsRetryable() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    var settings =
        new WebhookNotifier.Settings(
            "http://127.0.0.1:" + closedPort + "/hook", Map.of(), null, Duration.ofSeconds(2));
    var notifier = new WebhookNotifier("ops", settings, new OkHttpClient(), clock);

    var result = notifier.deliver(Notifications.firing("ops").withId(1), null);

    assertThat(result)
        .isInstanceOfSatisfying(
            DeliveryResult.Failed.class,
            f -> {
              assertThat(f.retryable()).isTrue();
              assertThat(f.reason()).startsWith("cannot reach ops at 127.0.0.1:" + closedPort);
            });
  }

  @Test
  void slowReceiverTimesOutAndIsRetryable() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(1, TimeUnit.SECONDS).build());

    var result =
        notifier(null, Duration.ofMillis(200)).deliver(Notifications.firing("ops").withId(1), null);

    assertThat(result)
        .isInstanceOfSatisfying(
            DeliveryResult.Failed.class, f -> assertThat(f.retryable()).isTrue());
  }

  private static java.util.List<String> fieldNames(JsonNode node) {
    var names = new java.util.ArrayList<String>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
