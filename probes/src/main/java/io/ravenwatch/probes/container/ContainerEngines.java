package io.ravenwatch.probes.container;

import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.ConfigSection;
import io.ravenwatch.probes.config.OptionalKey;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The container engines Ravenwatch may talk to, declared by name under the top-level {@code
 * container_engines:} key: Docker hosts (a unix socket or TCP with TLS) and Kubernetes clusters.
 * Probes ({@code docker}, {@code docker_swarm}, {@code kubernetes}) and actions ({@code /restart},
 * failover steps) refer to them by name; nothing else opens a connection to an engine.
 *
 * <pre>{@code
 * container_engines:
 *   docker:
 *     local: {host: unix:///var/run/docker.sock}
 *     edge1: {host: tcp://10.0.0.5:2376, tls: {ca: certs/ca.pem, cert: certs/cert.pem, key: certs/key.pem}}
 *   kubernetes:
 *     prod: {master_url: https://k8s.example.com:6443, token: ${K8S_TOKEN}, namespace: web}
 * }</pre>
 *
 * @param docker Docker engines by name
 * @param kubernetes Kubernetes clusters by name
 */
public record ContainerEngines(
    @OptionalKey Map<String, DockerEngine> docker,
    @OptionalKey Map<String, KubernetesCluster> kubernetes) {

  /** The top-level key. */
  public static final String KEY = "container_engines";

  /** The section, bound by the configuration loader with every other key. */
  public static final ConfigSection<ContainerEngines> SECTION =
      new ConfigSection<>(KEY, ContainerEngines.class);

  /** No engine at all. */
  public static final ContainerEngines NONE = new ContainerEngines(Map.of(), Map.of());

  public ContainerEngines {
    docker = copy(docker);
    kubernetes = copy(kubernetes);
  }

  /** The two kinds of engine, by their key under {@code container_engines}. */
  public enum Kind {
    DOCKER,
    KUBERNETES;

    /** {@code docker} or {@code kubernetes}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Reports at {@code path} when {@code name} is not an engine of that kind: "a docker engine of
   * container_engines.docker: local, edge1" (or "(none is declared)").
   */
  public void checkDeclared(String name, Kind kind, String path, ConfigErrors errors) {
    Set<String> declared = kind == Kind.DOCKER ? docker.keySet() : kubernetes.keySet();
    if (!declared.contains(name)) {
      errors.add(
          path,
          "a "
              + kind.key()
              + " engine of container_engines."
              + kind.key()
              + (declared.isEmpty() ? " (none is declared)" : ": " + String.join(", ", declared)),
          name);
    }
  }

  /** The Docker engine of that name. */
  public Optional<DockerEngine> dockerEngine(String name) {
    return Optional.ofNullable(docker.get(name));
  }

  /** The Kubernetes cluster of that name. */
  public Optional<KubernetesCluster> kubernetesCluster(String name) {
    return Optional.ofNullable(kubernetes.get(name));
  }

  /**
   * The same engines with their file paths resolved by {@code resolve} (against the file's dir).
   */
  public ContainerEngines resolved(UnaryOperator<Path> resolve) {
    var d = new LinkedHashMap<String, DockerEngine>();
    docker.forEach((n, e) -> d.put(n, e == null ? null : e.resolved(resolve)));
    var k = new LinkedHashMap<String, KubernetesCluster>();
    kubernetes.forEach((n, c) -> k.put(n, c == null ? null : c.resolved(resolve)));
    return new ContainerEngines(d, k);
  }

  private static <V> Map<String, V> copy(Map<String, V> m) {
    // LinkedHashMap, not Map.copyOf: file order is kept, and a failed binding may leave nulls.
    return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
