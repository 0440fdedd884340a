package io.ravenwatch.probes.container;

import com.github.dockerjava.core.util.CertificateUtils;
import com.github.dockerjava.transport.SSLConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.Security;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * TLS to a Docker engine from three PEM files named in the configuration (docker-java's own config
 * wants one directory with fixed file names). Files are read when a connection is made, so a
 * missing file is a failed probe with a reason, not a start-up crash.
 */
record PemSslConfig(DockerEngine.Tls tls) implements SSLConfig {
  // CertificateUtils protects the keys it stores with this password.
  private static final char[] STORE_PASSWORD = "docker".toCharArray();

  @Override
  public SSLContext getSSLContext() throws KeyManagementException {
    // CertificateUtils converts PEM through Bouncy Castle's provider, by name (as docker-java's own
    // directory config does, it has to be registered).
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
    try {
      KeyStore keys =
          CertificateUtils.createKeyStore(
              Files.readString(tls.key()), Files.readString(tls.cert()));
      KeyStore trust = CertificateUtils.createTrustStore(Files.readString(tls.ca()));
      var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, STORE_PASSWORD);
      var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      var failure = new KeyManagementException("cannot read the TLS files of " + tls + ": " + e);
      failure.initCause(e);
      throw failure;
    }
  }
}
