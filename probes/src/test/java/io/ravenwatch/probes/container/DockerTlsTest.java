package io.ravenwatch.probes.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Docker engine over TCP with TLS ({@code dockerd --tlsverify}): the client presents the
 * certificate from the configured PEM files and trusts only the configured CA. The engine is an
 * HTTPS server that requires a client certificate (the test dockerd listens on a unix socket only).
 */
class DockerTlsTest {
  private final MockWebServer server = new MockWebServer();
  private final HeldCertificate ca =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("docker-ca").build();
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    var engineCert =
        new HeldCertificate.Builder()
            .signedBy(ca)
            .addSubjectAlternativeName("localhost")
            .commonName("docker-engine")
            .build();
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(engineCert, ca.certificate())
            .addTrustedCertificate(ca.certificate())
            .build()
            .sslSocketFactory());
    server.requireClientAuth();
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private DockerEngine.Tls writeFiles(HeldCertificate client, HeldCertificate trusted)
      throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), trusted.certificatePem());
    Path cert = Files.writeString(dir.resolve("cert.pem"), client.certificatePem());
    Path key = Files.writeString(dir.resolve("key.pem"), client.privateKeyPkcs8Pem());
    return new DockerEngine.Tls(ca, cert, key);
  }

  private DockerEngine engine(DockerEngine.Tls tls) {
    return new DockerEngine("tcp://localhost:" + server.getPort(), tls, Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("the client certificate from the PEM files is presented and the engine trusted")
  void pingsOverMutualTls() throws Exception {
    var client = new HeldCertificate.Builder().signedBy(ca).commonName("ravenwatch").build();
    server.enqueue(new MockResponse.Builder().code(200).body("OK").build());

    try (DockerClient docker = ContainerClients.docker(engine(writeFiles(client, ca)))) {
      docker.pingCmd().exec();
    }

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1.41/_ping");
    assertThat(request.getHandshake().peerPrincipal().getName()).contains("CN=ravenwatch");
  }

  @Test
  @DisplayName("an engine whose certificate is not signed by the configured CA is refused")
  void refusesAnEngineFromAnotherCa() throws Exception {
    var otherCa = new HeldCertificate.Builder().certificateAuthority(0).build();
    var client = new HeldCertificate.Builder().signedBy(ca).build();

    try (DockerClient docker = ContainerClients.docker(engine(writeFiles(client, otherCa)))) {
      assertThatThrownBy(() -> docker.pingCmd().exec())
          .satisfies(
              e -> {
                boolean handshake = false;
                for (Throwable t = e; t != null; t = t.getCause()) {
                  handshake |= t instanceof javax.net.ssl.SSLHandshakeException;
                }
                assertThat(handshake).as("a TLS handshake failure in " + e).isTrue();
              });
    }
    assertThat(server.getRequestCount()).isZero();
  }
}
