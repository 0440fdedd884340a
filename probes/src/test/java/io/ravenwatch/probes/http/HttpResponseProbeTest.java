package io.ravenwatch.probes.http;

import static io.ravenwatch.probes.ProbeContexts.context;
import static io.ravenwatch.probes.ProbeContexts.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpResponseProbeTest {
  private final ProbeResources resources = new ProbeResources(Clock.systemUTC());
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void startServer() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
    resources.close();
  }

  private ProbeResult probe(HttpResponseProbe.Settings settings, Duration timeout)
      throws InterruptedException {
    var target = host("web1", "");
    return new HttpResponseProbe(target, settings)
        .run(context(resources, target, "http_response", settings, timeout, 0));
  }

  private ProbeResult probe(HttpResponseProbe.Settings settings) throws InterruptedException {
    return probe(settings, Duration.ofSeconds(3));
  }

  private static HttpResponseProbe.Settings settings(
      String url, Integer status, String regex, boolean follow) {
    return new HttpResponseProbe.Settings(
        url,
        "GET",
        status,
        regex == null ? null : Pattern.compile(regex),
        follow,
        Map.of(),
        null,
        false);
  }

  private static MockResponse respond(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  @Test
  void okResponseWhoseBodyMatchesIsSuccess() throws InterruptedException {
    server.enqueue(respond(200, "{\"status\":\"healthy\"}"));
    String url = server.url("/health").toString();

    ProbeResult result = probe(settings(url, null, "\"status\":\\s*\"healthy\"", true));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.OK);
    Point p = result.points().getFirst();
    assertThat(p.measurement()).isEqualTo("http_response");
    assertThat(p.tags())
        .containsEntry("server", url)
        .containsEntry("method", "GET")
        .containsEntry("status_code", "200")
        .containsEntry("result", "success")
        .containsEntry("source", "web1")
        .containsEntry("rack", "r1");
    assertThat(p.field("result_code")).isEqualTo(0L);
    assertThat(p.field("http_response_code")).isEqualTo(200L);
    assertThat(p.field("content_length")).isEqualTo(20L);
    assertThat(p.field("response_string_match")).isEqualTo(1L);
    assertThat((Double) p.field("response_time")).isGreaterThan(0.0);
  }

  @Test
  void bodyThatDoesNotMatchIsResponseStringMismatch() throws InterruptedException {
    server.enqueue(respond(200, "{\"status\":\"degraded\"}"));

    ProbeResult result = probe(settings(server.url("/").toString(), null, "healthy", true));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(result.reason()).contains("/healthy/");
    Point p = result.points().getFirst();
    assertThat(p.tag("result")).isEqualTo("response_string_mismatch");
    assertThat(p.field("result_code")).isEqualTo(1L);
    assertThat(p.field("response_string_match")).isEqualTo(0L);
  }

  @Test
  void serverErrorIsStatusCodeMismatchByDefault() throws InterruptedException {
    server.enqueue(respond(503, "busy"));

    ProbeResult result = probe(settings(server.url("/").toString(), null, null, true));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(result.reason()).isEqualTo("status 503, expected 2xx");
    Point p = result.points().getFirst();
    assertThat(p.tag("result")).isEqualTo("response_status_code_mismatch");
    assertThat(p.tag("status_code")).isEqualTo("503");
    assertThat(p.field("result_code")).isEqualTo(6L);
  }

  @Test
  void explicitlyExpectedStatusIsSuccess() throws InterruptedException {
    server.enqueue(respond(404, "gone"));

    ProbeResult result = probe(settings(server.url("/old").toString(), 404, null, true));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.OK);
  }

  @Test
  void redirectIsFollowedToItsTarget() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/new").build());
    server.enqueue(respond(200, "here"));

    ProbeResult result = probe(settings(server.url("/old").toString(), null, "here", true));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.OK);
    assertThat(result.points().getFirst().field("http_response_code")).isEqualTo(200L);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void redirectIsReportedAsItIsWhenNotFollowed() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/new").build());
    server.enqueue(respond(200, "here"));

    ProbeResult result = probe(settings(server.url("/old").toString(), null, null, false));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.OK);
    assertThat(result.points().getFirst().field("http_response_code")).isEqualTo(301L);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverSlowerThanTheTimeoutIsTimeout() throws InterruptedException {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("late")
            .headersDelay(5, TimeUnit.SECONDS)
            .build());

    ProbeResult result =
        probe(settings(server.url("/").toString(), null, null, true), Duration.ofMillis(300));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    Point p = result.points().getFirst();
    assertThat(p.tag("result")).isEqualTo("timeout");
    assertThat(p.field("result_code")).isEqualTo(4L);
    assertThat(p.tag("status_code")).isNull();
  }

  @Test
  void interruptWhileWaitingForTheResponsePropagates() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(1, TimeUnit.MINUTES).build());
    var settings = settings(server.url("/").toString(), null, null, true);
    var outcome = new CompletableFuture<Object>();
    Thread run =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    outcome.complete(probe(settings, Duration.ofMinutes(1)));
                  } catch (InterruptedException e) {
                    outcome.complete(e);
                  }
                });
    server.takeRequest();

    run.interrupt();

    assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
  }

  @Test
  void refusedConnectionIsConnectionFailed() throws Exception {
    int port;
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }

    ProbeResult result = probe(settings("http://127.0.0.1:" + port + "/", null, null, true));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(result.reason()).startsWith("GET http://127.0.0.1:" + port + "/: ");
    Point p = result.points().getFirst();
    assertThat(p.tag("result")).isEqualTo("connection_failed");
    assertThat(p.field("result_code")).isEqualTo(3L);
  }

  @Test
  void unknownHostIsDnsError() throws InterruptedException {
    ProbeResult result = probe(settings("http://no-such-host.invalid/", null, null, true));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    Point p = result.points().getFirst();
    assertThat(p.tag("result")).isEqualTo("dns_error");
    assertThat(p.field("result_code")).isEqualTo(5L);
  }

  @Test
  void selfSignedCertificateFailsUnlessVerificationIsSkipped() throws InterruptedException {
    var cert = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    server.useHttps(
        new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory());
    server.enqueue(respond(200, "secure"));
    String url = server.url("/").toString();

    ProbeResult strict = probe(settings(url, null, null, true));
    ProbeResult insecure =
        probe(new HttpResponseProbe.Settings(url, "GET", null, null, true, Map.of(), null, true));

    assertThat(strict.points().getFirst().tag("result")).isEqualTo("connection_failed");
    assertThat(insecure.status()).isEqualTo(ProbeResult.Status.OK);
    assertThat(insecure.points().getFirst().field("http_response_code")).isEqualTo(200L);
  }

  @Test
  void sendsMethodHeadersAndBody() throws InterruptedException {
    server.enqueue(respond(201, "created"));
    var settings =
        new HttpResponseProbe.Settings(
            server.url("/items").toString(),
            "POST",
            201,
            null,
            true,
            Map.of("Content-Type", "application/json", "X-Probe", "ravenwatch"),
            "{\"a\":1}",
            false);

    ProbeResult result = probe(settings);
    RecordedRequest request = server.takeRequest();

    assertThat(result.status()).isEqualTo(ProbeResult.Status.OK);
    assertThat(result.points().getFirst().tag("method")).isEqualTo("POST");
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("X-Probe")).isEqualTo("ravenwatch");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(request.getBody().utf8()).isEqualTo("{\"a\":1}");
  }

  @Test
  void nonHttpUrlAndBodyOnGetAreConfigProblems() {
    var problems = new ArrayList<String>();
    var settings =
        new HttpResponseProbe.Settings("ftp://x/", "GET", 42, null, true, Map.of(), "x", false);

    settings.validate((key, expected, found) -> problems.add(key));

    assertThat(problems).containsExactly("url", "body", "expected_status");
  }
}
