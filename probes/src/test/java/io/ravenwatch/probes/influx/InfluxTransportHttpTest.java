package io.ravenwatch.probes.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.config.DataSize;
import io.ravenwatch.probes.config.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import okio.GzipSource;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the transport sends and how it sorts answers real influxd 1.6 cannot give here (InfluxDB
 * 2.x/3.x tokens, server errors); the happy path against a real influxd is in {@link
 * InfluxWriterIT}.
 */
class InfluxTransportHttpTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private InfluxTransport transport(Secret user, Secret password, Secret token, boolean gzip) {
    return new InfluxTransport(
        new InfluxSettings(
            server.url("/").toString(),
            "metrics",
            "autogen",
            user,
            password,
            token,
            100,
            Duration.ofSeconds(1),
            gzip,
            Duration.ofSeconds(2),
            DataSize.ofMebibytes(1)));
  }

  @Test
  void sendsTheTokenAndNanosecondLineProtocolToTheV1WriteEndpoint() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (InfluxTransport transport =
        transport(null, null, Secret.literal("tok-123"), /* gzip= */ true)) {
      WriteOutcome outcome = transport.write(List.of("m v=1i 1", "m v=2i 2"));
      assertThat(outcome).isEqualTo(new WriteOutcome.Written(2));
    }

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/write");
    assertThat(request.getUrl().queryParameter("db")).isEqualTo("metrics");
    assertThat(request.getUrl().queryParameter("rp")).isEqualTo("autogen");
    assertThat(request.getUrl().queryParameter("precision")).isEqualTo("n");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token tok-123");
    assertThat(request.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
    Buffer body = new Buffer().write(request.getBody());
    String text = Okio.buffer(new GzipSource(body)).readUtf8();
    assertThat(text).isEqualTo("m v=1i 1\nm v=2i 2");
  }

  @Test
  void sendsUserAndPasswordAsBasicAuthWhenThereIsNoToken() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (InfluxTransport transport =
        transport(Secret.literal("ravenwatch"), Secret.literal("pw"), null, false)) {
      transport.write(List.of("m v=1i 1"));
    }
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Basic cmF2ZW53YXRjaDpwdw==");
  }

  @Test
  void treatsServerErrorsAndAuthFailuresAsUnavailableSoThePointsAreKept() {
    server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"timeout\"}").build());
    server.enqueue(
        new MockResponse.Builder().code(401).body("{\"error\":\"authorization failed\"}").build());
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .body("{\"error\":\"database not found: \\\"metrics\\\"\"}")
            .build());
    try (InfluxTransport transport = transport(null, null, null, false)) {
      assertThat(transport.write(List.of("m v=1i 1")))
          .isEqualTo(new WriteOutcome.Unavailable("HTTP 500: timeout"));
      assertThat(transport.write(List.of("m v=1i 1")))
          .isEqualTo(new WriteOutcome.Unavailable("HTTP 401: authorization failed"));
      assertThat(transport.write(List.of("m v=1i 1")))
          .isEqualTo(new WriteOutcome.Unavailable("HTTP 404: database not found: \"metrics\""));
    }
  }

  @Test
  void treatsA400AsRejectedWithInfluxReason() {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .body("{\"error\":\"partial write: field type conflict: dropped=1\"}")
            .build());
    try (InfluxTransport transport = transport(null, null, null, false)) {
      assertThat(transport.write(List.of("m v=1i 1", "m v=\"x\" 2")))
          .isEqualTo(new WriteOutcome.Rejected(1, "partial write: field type conflict: dropped=1"));
    }
  }

  @Test
  void treatsARefusedConnectionAsUnavailable() {
    server.close();
    try (InfluxTransport transport = transport(null, null, null, false)) {
      assertThat(transport.write(List.of("m v=1i 1"))).isInstanceOf(WriteOutcome.Unavailable.class);
    }
  }
}
