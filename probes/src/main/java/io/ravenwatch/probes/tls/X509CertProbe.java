package io.ravenwatch.probes.tls;

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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS certificate of a server and the time left until it expires, written as Telegraf's {@code
 * x509_cert} measurement (leaf certificate only).
 *
 * <p>The handshake accepts any certificate — the probe reports on it rather than trusting it — and
 * records whether the JDK's default trust store (and the host name, or {@code server_name}) would
 * have accepted it as {@code verification_code} 0 (verified) or 1 (not, with {@code
 * verification_error}). Fields: {@code expiry} (seconds until notAfter, negative once expired),
 * {@code age} (seconds since notBefore), {@code startdate}, {@code enddate} (unix seconds), {@code
 * verification_code}; tags {@code common_name}, {@code issuer_common_name}, {@code serial_number}
 * (hex). The result is OK whenever a certificate was read, expired or not: alert rules look at
 * {@code expiry}. A connection or handshake failure is a FAILED result without a point.
 */
public final class X509CertProbe implements Probe {

  /** The probe type; the server comes from {@code url}, {@code host} or the target's address. */
  public static final ProbeType<Settings> TYPE =
      new ProbeType<>("x509_cert", Settings.class, ProbeRegistry.NOTHING, X509CertProbe::new);

  /**
   * Settings of an {@code x509_cert} probe: {@code url}, or {@code host} and {@code port}; with
   * neither, the target's address and {@code port}.
   *
   * @param url e.g. {@code https://example.org:8443/}; its port, else {@code port}
   * @param host the server's host name or address
   * @param port the TLS port
   * @param serverName the SNI name to send (and verify), when it differs from the host
   */
  public record Settings(
      @OptionalKey String url,
      @OptionalKey String host,
      @Default("443") int port,
      @OptionalKey String serverName)
      implements Validatable {

    @Override
    public void validate(ConfigProblems problems) {
      if (url != null && host != null) {
        problems.report("host", "either url or host, not both", host);
      }
      if (url != null && urlHost(url) == null) {
        problems.report("url", "a URL with a host, e.g. https://example.org/", url);
      }
      if (port < 1 || port > 65535) {
        problems.report("port", "a port from 1 to 65535", port);
      }
    }
  }

  private final Target target;
  private final Settings settings;
  private final X509ExtendedTrustManager trusted;

  X509CertProbe(Target target, Settings settings) {
    this(target, settings, RecordingTrustManager.PLATFORM);
  }

  /** Verifying against another trust store, for tests. */
  X509CertProbe(Target target, Settings settings, X509ExtendedTrustManager trusted) {
    this.target = target;
    this.settings = settings;
    this.trusted = trusted;
  }

  @Override
  public ProbeResult run(ProbeContext ctx) throws InterruptedException {
    Instant started = ctx.clock().instant();
    String host = host();
    int port = port();
    if (host == null || host.isEmpty()) {
      return ctx.failed(
          started, "no server: set url or host, or give the target an address", List.of());
    }
    Attempt a;
    int attempt = 0;
    while (true) {
      a = attempt(host, port, min(ctx.timeout(), ctx.remaining()));
      if (a.leaf != null || attempt++ >= ctx.retries() || ctx.remaining().isZero()) {
        break;
      }
    }
    if (a.leaf == null) {
      return ctx.failed(started, a.failure, List.of());
    }
    X509Certificate cert = a.leaf;
    Instant now = ctx.clock().instant();
    long notBefore = cert.getNotBefore().toInstant().getEpochSecond();
    long notAfter = cert.getNotAfter().toInstant().getEpochSecond();
    Point point =
        ctx.point("x509_cert", started)
            .tag("common_name", commonName(cert.getSubjectX500Principal().getName()))
            .tag("issuer_common_name", commonName(cert.getIssuerX500Principal().getName()))
            .tag("serial_number", cert.getSerialNumber().toString(16))
            .field("expiry", notAfter - now.getEpochSecond())
            .field("age", now.getEpochSecond() - notBefore)
            .field("startdate", notBefore)
            .field("enddate", notAfter)
            .field("verification_code", a.verificationFailure == null ? 0 : 1)
            .field("verification_error", a.verificationFailure)
            .build();
    return ctx.ok(started, List.of(point));
  }

  private Attempt attempt(String host, int port, Duration limit) throws InterruptedException {
    int ms = Math.clamp(limit.toMillis(), 1, Integer.MAX_VALUE);
    String where = host + ":" + port;
    var trust = new RecordingTrustManager(trusted);
    try (Socket raw = new Socket()) {
      var address = new InetSocketAddress(host, port);
      if (address.isUnresolved()) {
        return Attempt.failed("unknown host " + host);
      }
      raw.connect(address, ms);
      raw.setSoTimeout(ms);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {trust}, null);
      // The name given here is sent as SNI (unless it is an IP literal) and verified against.
      String peerName = settings.serverName() != null ? settings.serverName() : host;
      try (var socket =
          (SSLSocket) tls.getSocketFactory().createSocket(raw, peerName, port, true)) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        Certificate[] chain = socket.getSession().getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
          return Attempt.failed(where + " sent no X.509 certificate");
        }
        return new Attempt(leaf, trust.failure(), "");
      }
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted during TLS handshake");
      }
      return Attempt.failed(where + ": " + e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no TLS", e);
    }
  }

  private String host() {
    if (settings.url() != null) {
      return urlHost(settings.url());
    }
    return settings.host() != null ? settings.host() : target.address();
  }

  private int port() {
    if (settings.url() != null) {
      try {
        int p = new URI(settings.url()).getPort();
        return p > 0 ? p : settings.port();
      } catch (URISyntaxException e) {
        return settings.port();
      }
    }
    return settings.port();
  }

  private static String urlHost(String url) {
    try {
      String h = new URI(url).getHost();
      // URI keeps the brackets of an IPv6 literal.
      return h == null ? null : h.replace("[", "").replace("]", "");
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The CN of an RFC 2253 name, or empty when it has none. */
  static String commonName(String distinguishedName) {
    try {
      for (Rdn rdn : new LdapName(distinguishedName).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      return "";
    }
    return "";
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private record Attempt(X509Certificate leaf, String verificationFailure, String failure) {
    static Attempt failed(String failure) {
      return new Attempt(null, null, failure);
    }
  }
}
