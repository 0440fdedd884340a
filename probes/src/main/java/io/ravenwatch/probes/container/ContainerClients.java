package io.ravenwatch.probes.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * Opens clients for declared engines: the one place that turns a {@link DockerEngine} or {@link
 * KubernetesCluster} into a connection. Callers close what they open (both clients are {@link
 * AutoCloseable}); opening is cheap and touches no network until the first call.
 *
 * <pre>{@code
 * try (DockerClient docker = ContainerClients.docker(engines.dockerEngine("local").orElseThrow())) {
 *   docker.restartContainerCmd("web").exec();
 * }
 * }</pre>
 */
public final class ContainerClients {
  /** The Engine API version spoken: the highest of Debian's dockerd 20.10, served by newer ones. */
  public static final String DOCKER_API_VERSION = "1.41";

  private ContainerClients() {}

  /** A Docker client for one engine, isolated from {@code DOCKER_*} environment variables. */
  public static DockerClient docker(DockerEngine engine) {
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(engine.host())
            .withApiVersion(DOCKER_API_VERSION)
            .withDockerTlsVerify(false)
            .build();
    var http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(engine.tls() == null ? null : new PemSslConfig(engine.tls()))
            .connectionTimeout(engine.timeout())
            .responseTimeout(engine.timeout())
            .maxConnections(8)
            .build();
    return DockerClientImpl.getInstance(config, http);
  }

  /**
   * A Kubernetes client for one cluster on the JDK's HTTP client, isolated from kubeconfig files
   * and {@code KUBERNETES_*} environment variables.
   */
  public static KubernetesClient kubernetes(KubernetesCluster cluster) {
    int millis = (int) Math.min(Integer.MAX_VALUE, cluster.timeout().toMillis());
    ConfigBuilder config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(cluster.masterUrl())
            .withNamespace(cluster.namespace())
            .withConnectionTimeout(millis)
            .withRequestTimeout(millis)
            .withRequestRetryBackoffLimit(0);
    if (cluster.token() != null) {
      config.withOauthToken(cluster.token().reveal());
    }
    if (cluster.ca() != null) {
      config.withCaCertFile(cluster.ca().toString());
    }
    return new KubernetesClientBuilder().withConfig(config.build()).build();
  }
}
