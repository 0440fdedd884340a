package io.ravenwatch.probes.container;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.probes.config.Validatable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * One Kubernetes cluster's API server, reached with a service account token.
 *
 * @param masterUrl the API server, e.g. {@code https://k8s.example.com:6443}
 * @param token a bearer token ({@code ${ENV}} only); absent: no authentication (tests, proxies)
 * @param namespace the namespace used when a probe or action names none
 * @param ca the CA of the API server's certificate (PEM); absent: the JDK's trust store
 * @param timeout connect and request timeout of each API call
 */
public record KubernetesCluster(
    String masterUrl,
    @OptionalKey Secret token,
    @Default("default") String namespace,
    @OptionalKey Path ca,
    @Default("10s") Duration timeout)
    implements Validatable {

  @Override
  public void validate(ConfigProblems problems) {
    if (masterUrl != null && !masterUrl.matches("https?://[^/\\s]+/?.*")) {
      problems.report("master_url", "an http:// or https:// URL of the API server", masterUrl);
    }
    if (namespace != null && !namespace.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
      problems.report(
          "namespace", "a Kubernetes namespace name (lower-case, digits, -)", namespace);
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      problems.report("timeout", "a duration above 0s", timeout);
    }
  }

  KubernetesCluster resolved(UnaryOperator<Path> resolve) {
    return ca == null
        ? this
        : new KubernetesCluster(masterUrl, token, namespace, resolve.apply(ca), timeout);
  }
}
