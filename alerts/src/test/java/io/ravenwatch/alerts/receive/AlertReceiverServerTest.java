package io.ravenwatch.alerts.receive;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.testkit.MutableClock;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertReceiverServerTest {
  private final MutableClock clock = MutableClock.at("2025-03-01T11:00:00Z");
  private final List<Observation> received = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private AlertReceiverServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void start(Secret token) {
    server =
        AlertReceiverServer.start(new ReceiverSettings("127.0.0.1:0", token), received::add, clock);
  }

  private HttpResponse<String> post(String path, byte[] body, String authorization)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acceptsAlertmanagerAndGrafanaPayloads() throws Exception {
    start(null);

    var am =
        post(
            "/api/v1/alerts/alertmanager",
            ExternalAlertsTest.resource("alertmanager-webhook.json"),
            null);
    var grafana =
        post("/api/v1/alerts/grafana", ExternalAlertsTest.resource("grafana-webhook.json"), null);

    assertThat(am.statusCode()).isEqualTo(200);
    assertThat(am.body()).isEqualTo("{\"status\":\"ok\",\"accepted\":2}");
    assertThat(grafana.statusCode()).isEqualTo(200);
    assertThat(received)
        .extracting(Observation::rule)
        .containsExactly("DiskFull", "DiskFull", "High memory usage", "High memory usage");
  }

  @Test
  void malformedJsonIsBadRequestWithAShortReason() throws Exception {
    start(null);

    var response = post("/api/v1/alerts/alertmanager", "{\"alerts\": 3}".getBytes(), null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo("{\"status\":\"error\",\"error\":\"expected an 'alerts' array\"}");
    assertThat(received).isEmpty();
  }

  @Test
  void requiresTheBearerTokenWhenOneIsConfigured() throws Exception {
    start(Secret.literal("s3cret"));
    byte[] body = ExternalAlertsTest.resource("alertmanager-webhook.json");

    var none = post("/api/v1/alerts/alertmanager", body, null);
    var wrong = post("/api/v1/alerts/alertmanager", body, "Bearer guess");
    var right = post("/api/v1/alerts/alertmanager", body, "Bearer s3cret");

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(received).hasSize(2);
  }

  @Test
  void bodyOverOneMebibyteIsTooLarge() throws Exception {
    start(null);
    byte[] huge = new byte[AlertReceiverServer.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) ' ');

    var response = post("/api/v1/alerts/grafana", huge, null);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(received).isEmpty();
  }

  @Test
  void chunkedBodyOverTheLimitIsTooLargeToo() throws Exception {
    start(null);
    byte[] huge = new byte[AlertReceiverServer.MAX_BODY_BYTES + 10];
    java.util.Arrays.fill(huge, (byte) ' ');
    var request =
        HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/alerts/grafana"))
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(huge))) // no length: chunked
            .build();

    var response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void unknownPathsAndMethodsAreRefused() throws Exception {
    start(null);

    var unknown = post("/api/v1/alerts/nagios", "{}".getBytes(), null);
    var get =
        http.send(
            HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/alerts/grafana")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(get.statusCode()).isEqualTo(405);
  }

  @Test
  void aFailingSinkIsAServerErrorSoTheSenderRetries() throws Exception {
    server =
        AlertReceiverServer.start(
            new ReceiverSettings("127.0.0.1:0", null),
            o -> {
              throw new IllegalStateException("store down");
            },
            clock);

    var response =
        post(
            "/api/v1/alerts/alertmanager",
            ExternalAlertsTest.resource("alertmanager-webhook.json"),
            null);

    assertThat(response.statusCode()).isEqualTo(500);
  }

  @Test
  void listenDefaultsToLoopbackPort9094AndIsChecked() {
    assertThat(new ReceiverSettings("127.0.0.1:9094", null).address().getPort()).isEqualTo(9094);
    assertThat(new ReceiverSettings(":9094", null).address().getAddress().isAnyLocalAddress())
        .isTrue();
    assertThat(new ReceiverSettings("[::1]:9094", null).address().getAddress().isLoopbackAddress())
        .isTrue();
    var problems = new java.util.ArrayList<String>();
    new ReceiverSettings("localhost", null).validate((k, e, f) -> problems.add(k + ": " + e));
    assertThat(problems).containsExactly("listen: host:port like 127.0.0.1:9094 or 0.0.0.0:9094");
  }
}
