package io.ravenwatch.probes.tls;

import static io.ravenwatch.probes.ProbeContexts.context;
import static io.ravenwatch.probes.ProbeContexts.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509ExtendedTrustManager;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class X509CertProbeTest {
  private static final long DAY = Duration.ofDays(1).toSeconds();
  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private int serveHttps(HeldCertificate cert) throws IOException {
    server.useHttps(
        new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory());
    server.start(InetAddress.getLoopbackAddress(), 0);
    return server.getPort();
  }

  private static ProbeResult probe(String address, X509CertProbe.Settings settings)
      throws InterruptedException {
    var target = host("web1", address);
    return new X509CertProbe(target, settings)
        .run(context(target, "x509_cert", settings, Duration.ofSeconds(3), 0));
  }

  @Test
  void certificateValidForTenDaysExpiresInTenDays() throws Exception {
    var cert =
        new HeldCertificate.Builder()
            .commonName("db.example.test")
            .addSubjectAlternativeName("localhost")
            .serialNumber(0xCAFEL)
            .duration(10, TimeUnit.DAYS)
            .build();
    int port = serveHttps(cert);

    ProbeResult result = probe("", new X509CertProbe.Settings(null, "localhost", port, null));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.OK);
    Point p = result.points().getFirst();
    assertThat(p.measurement()).isEqualTo("x509_cert");
    assertThat(p.tags())
        .containsEntry("common_name", "db.example.test")
        .containsEntry("issuer_common_name", "db.example.test")
        .containsEntry("serial_number", "cafe")
        .containsEntry("source", "web1")
        .containsEntry("rack", "r1");
    assertThat((Long) p.field("expiry")).isCloseTo(10 * DAY, within(120L));
    assertThat((Long) p.field("age")).isBetween(0L, 120L);
    assertThat((Long) p.field("enddate") - (Long) p.field("startdate")).isEqualTo(10 * DAY);
    assertThat((Long) p.field("enddate"))
        .isCloseTo(Instant.now().plus(Duration.ofDays(10)).getEpochSecond(), within(120L));
    // Self-signed: read and reported, but not trusted by the JDK's default trust store.
    assertThat(p.field("verification_code")).isEqualTo(1L);
    assertThat(p.field("verification_error")).isNotNull();
  }

  @Test
  void expiredCertificateHasNegativeExpiry() throws Exception {
    long now = System.currentTimeMillis();
    var cert =
        new HeldCertificate.Builder()
            .commonName("old.example.test")
            .validityInterval(
                now - Duration.ofDays(30).toMillis(), now - Duration.ofDays(3).toMillis())
            .build();
    int port = serveHttps(cert);

    ProbeResult result =
        probe("", new X509CertProbe.Settings("https://localhost:" + port + "/", null, 443, null));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.OK);
    Point p = result.points().getFirst();
    assertThat((Long) p.field("expiry")).isCloseTo(-3 * DAY, within(120L));
    assertThat((Long) p.field("age")).isCloseTo(30 * DAY, within(120L));
    assertThat(p.field("verification_code")).isEqualTo(1L);
  }

  @Test
  void certificateOfATrustedCaForTheServerNameVerifies() throws Exception {
    var root =
        new HeldCertificate.Builder().certificateAuthority(0).commonName("Test Root").build();
    var leaf =
        new HeldCertificate.Builder()
            .commonName("db.example.test")
            .addSubjectAlternativeName("db.example.test")
            .signedBy(root)
            .build();
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(leaf, root.certificate())
            .build()
            .sslSocketFactory());
    server.start(InetAddress.getLoopbackAddress(), 0);
    var trusted =
        (X509ExtendedTrustManager)
            new HandshakeCertificates.Builder()
                .addTrustedCertificate(root.certificate())
                .build()
                .trustManager();
    var target = host("db1", "localhost");
    var bySni = new X509CertProbe.Settings(null, null, server.getPort(), "db.example.test");
    var byHost = new X509CertProbe.Settings(null, null, server.getPort(), null);

    Point verified =
        new X509CertProbe(target, bySni, trusted)
            .run(context(target, "x509_cert", bySni, Duration.ofSeconds(3), 0))
            .points()
            .getFirst();
    Point wrongName =
        new X509CertProbe(target, byHost, trusted)
            .run(context(target, "x509_cert", byHost, Duration.ofSeconds(3), 0))
            .points()
            .getFirst();

    assertThat(verified.tag("issuer_common_name")).isEqualTo("Test Root");
    assertThat(verified.field("verification_code")).isEqualTo(0L);
    assertThat(verified.field("verification_error")).isNull();
    assertThat(wrongName.field("verification_code")).isEqualTo(1L);
    assertThat((String) wrongName.field("verification_error")).contains("localhost");
  }

  @Test
  void usesTheTargetAddressWhenNoHostIsGiven() throws Exception {
    int port = serveHttps(new HeldCertificate.Builder().commonName("by-address").build());

    ProbeResult result = probe("127.0.0.1", new X509CertProbe.Settings(null, null, port, null));

    assertThat(result.points().getFirst().tag("common_name")).isEqualTo("by-address");
  }

  @Test
  void refusedConnectionIsAFailureWithItsReason() throws Exception {
    int port;
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }

    ProbeResult result = probe("127.0.0.1", new X509CertProbe.Settings(null, null, port, null));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(result.reason()).startsWith("127.0.0.1:" + port + ": ").contains("refused");
    assertThat(result.points()).isEmpty();
  }

  @Test
  void urlAndHostTogetherAreAConfigProblem() {
    var problems = new ArrayList<String>();

    new X509CertProbe.Settings("https://a/", "b", 0, null)
        .validate((key, expected, found) -> problems.add(key));

    assertThat(problems).containsExactly("host", "port");
  }
}
