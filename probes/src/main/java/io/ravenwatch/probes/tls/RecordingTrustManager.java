package io.ravenwatch.probes.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any server certificate (the x509 probe reports on a certificate, it does not trust it)
 * while recording whether the JDK's default trust store would have accepted it, host name included.
 * The check runs inside the handshake, where the platform trust manager can still see the handshake
 * session (SNI, peer host), which it cannot after the handshake. One instance per connection.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
  /** The JDK's default trust store. */
  static final X509ExtendedTrustManager PLATFORM = platform();

  private final X509ExtendedTrustManager trusted;
  private volatile String failure = "no certificate checked";

  /**
   * @param trusted the trust manager whose verdict is recorded, usually {@link #PLATFORM}
   */
  RecordingTrustManager(X509ExtendedTrustManager trusted) {
    this.trusted = trusted;
  }

  /** Why the chain did not verify, or {@code null} when it did. */
  String failure() {
    return failure;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    record(() -> trusted.checkServerTrusted(chain, authType, socket));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    record(() -> trusted.checkServerTrusted(chain, authType, engine));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    record(() -> trusted.checkServerTrusted(chain, authType));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("client certificates are not accepted");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("client certificates are not accepted");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("client certificates are not accepted");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return trusted.getAcceptedIssuers();
  }

  private void record(Check check) {
    try {
      check.run();
      failure = null;
    } catch (CertificateException | RuntimeException e) {
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  @FunctionalInterface
  private interface Check {
    void run() throws CertificateException;
  }

  private static X509ExtendedTrustManager platform() {
    try {
      var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager tm : factory.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager x) {
          return x;
        }
      }
      throw new IllegalStateException("the JDK has no X509 trust manager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the default trust store", e);
    }
  }
}
