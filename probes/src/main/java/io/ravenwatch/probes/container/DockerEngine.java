package io.ravenwatch.probes.container;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * One Docker engine: its API endpoint, and for TCP the client certificate it wants.
 *
 * @param host {@code unix:///var/run/docker.sock} or {@code tcp://HOST:PORT}
 * @param tls for {@code tcp://}: PEM files (CA, client certificate and key); absent: plain TCP
 * @param timeout connect and read timeout of each API call
 */
public record DockerEngine(String host, @OptionalKey Tls tls, @Default("10s") Duration timeout)
    implements Validatable {

  /**
   * PEM files of a TLS-protected Docker engine ({@code dockerd --tlsverify}); relative paths are
   * resolved against the configuration file's directory.
   *
   * @param ca the CA that signed the engine's certificate
   * @param cert the client certificate
   * @param key the client certificate's private key
   */
  public record Tls(Path ca, Path cert, Path key) {}

  /**
   * The same engine with {@code extra} added to its per-call timeout: for calls Docker answers only
   * when done, like stopping or restarting a container, which may take its whole stop grace.
   */
  public DockerEngine withExtraTimeout(Duration extra) {
    return new DockerEngine(host, tls, timeout.plus(extra));
  }

  @Override
  public void validate(ConfigProblems problems) {
    if (host == null) {
      return;
    }
    boolean unix = host.startsWith("unix:///");
    boolean tcp = host.matches("tcp://[^/:]+:\\d{1,5}");
    if (!unix && !tcp) {
      problems.report("host", "unix:///PATH/docker.sock or tcp://HOST:PORT", host);
    }
    if (unix && tls != null) {
      problems.report("tls", "no tls for a unix socket (only tcp:// uses it)", "a tls section");
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      problems.report("timeout", "a duration above 0s", timeout);
    }
  }

  DockerEngine resolved(UnaryOperator<Path> resolve) {
    return tls == null
        ? this
        : new DockerEngine(
            host,
            new Tls(resolve.apply(tls.ca()), resolve.apply(tls.cert()), resolve.apply(tls.key())),
            timeout);
  }
}
