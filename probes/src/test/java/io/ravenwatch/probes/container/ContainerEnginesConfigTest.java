package io.ravenwatch.probes.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigException;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContainerEnginesConfigTest {

  @Test
  @DisplayName("container_engines binds Docker engines and Kubernetes clusters with their defaults")
  void bindsEnginesWithDefaults() {
    RavenwatchConfig config =
        ConfigLoader.parse(
            """
            container_engines:
              docker:
                local: {host: "unix:///var/run/docker.sock"}
                edge: {host: "tcp://10.0.0.5:2376", tls: {ca: ca.pem, cert: cert.pem, key: key.pem}}
              kubernetes:
                prod: {master_url: "https://k8s.example.com:6443", token: "${K8S_TOKEN}"}
            hosts:
              docker1:
                probes:
                  - {type: docker, engine: local, containers: [web]}
                  - {type: docker_swarm, engine: edge}
                  - {type: kubernetes, cluster: prod, namespace: web}
            """,
            "t.yml",
            Map.of("K8S_TOKEN", "s3cret"),
            ProbeRegistry.standard());

    ContainerEngines engines = config.containerEngines();
    assertThat(engines.dockerEngine("local").orElseThrow().timeout())
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(engines.dockerEngine("edge").orElseThrow().tls().ca()).isEqualTo(Path.of("ca.pem"));
    KubernetesCluster prod = engines.kubernetesCluster("prod").orElseThrow();
    assertThat(prod.namespace()).isEqualTo("default");
    assertThat(prod.token().reveal()).isEqualTo("s3cret");
    assertThat(prod.toString()).doesNotContain("s3cret");
  }

  @Test
  @DisplayName("a configuration without container_engines has none, and loads")
  void absentSectionMeansNoEngines() {
    RavenwatchConfig config =
        ConfigLoader.parse("hosts: {}", "t.yml", Map.of(), ProbeRegistry.standard());

    assertThat(config.containerEngines().docker()).isEmpty();
    assertThat(config.containerEngines().kubernetes()).isEmpty();
  }

  @Test
  @DisplayName("every problem of the engines is reported at once, with its key path")
  void reportsEveryProblemWithItsKeyPath() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    """
                    container_engines:
                      docker:
                        local: {host: "http://docker:2375"}
                        sock: {host: "unix:///run/docker.sock", tls: {ca: a, cert: b, key: c}}
                      kubernetes:
                        prod: {master_url: k8s.example.com, namespace: Web}
                        other: {master_url: "https://k8s.example.com", token: literal-token}
                    """,
                    "t.yml",
                    Map.of(),
                    ProbeRegistry.standard()));

    assertThat(e.errors())
        .extracting(ConfigError::line)
        .containsExactlyInAnyOrder(
            "container_engines.docker.local.host: expected unix:///PATH/docker.sock or"
                + " tcp://HOST:PORT. Found: \"http://docker:2375\"",
            "container_engines.docker.sock.tls: expected no tls for a unix socket (only tcp://"
                + " uses it). Found: \"a tls section\"",
            "container_engines.kubernetes.prod.master_url: expected an http:// or https:// URL of"
                + " the API server. Found: \"k8s.example.com\"",
            "container_engines.kubernetes.prod.namespace: expected a Kubernetes namespace name"
                + " (lower-case, digits, -). Found: \"Web\"",
            "container_engines.kubernetes.other.token: expected a reference to an environment"
                + " variable like ${NAME} or ${NAME:-default}, never the secret itself. Found: a"
                + " literal value (not shown: it may be a secret)");
    assertThat(e.getMessage()).doesNotContain("literal-token");
  }

  @Test
  @DisplayName("probes naming undeclared engines are reported together, with the names declared")
  void reportsUnknownEngineReferences() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    """
                    container_engines:
                      docker: {local: {host: "unix:///run/docker.sock"}, edge: {host: "tcp://e:2376"}}
                      kubernetes: {prod: {master_url: "https://k8s:6443"}}
                    hosts:
                      docker1:
                        probes:
                          - {type: docker, engine: locl}
                          - {type: kubernetes, cluster: staging}
                    """,
                    "t.yml",
                    Map.of(),
                    ProbeRegistry.standard()));

    assertThat(e.errors())
        .extracting(ConfigError::line)
        .containsExactly(
            "hosts.docker1.probes[0].engine: expected one of the engines under"
                + " container_engines.docker: local, edge. Found: \"locl\"",
            "hosts.docker1.probes[1].cluster: expected one of the engines under"
                + " container_engines.kubernetes: prod. Found: \"staging\"");
  }

  @Test
  @DisplayName("a reference to an engine when none is declared says so")
  void referenceWithoutAnyEngine() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigLoader.parse(
                    "hosts: {d: {probes: [{type: docker_swarm, engine: local}]}}",
                    "t.yml",
                    Map.of(),
                    ProbeRegistry.standard()));

    assertThat(e.errors())
        .extracting(ConfigError::line)
        .containsExactly(
            "hosts.d.probes[0].engine: expected the name of an engine under"
                + " container_engines.docker (none is declared). Found: \"local\"");
  }

  @Test
  @DisplayName("TLS file paths are resolved against the configuration file's directory")
  void resolvesTlsPathsAgainstTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = dir.resolve("ravenwatch.yml");
    java.nio.file.Files.writeString(
        file,
        """
        container_engines:
          docker:
            edge: {host: "tcp://10.0.0.5:2376", tls: {ca: certs/ca.pem, cert: certs/c.pem, key: certs/k.pem}}
        """);

    RavenwatchConfig config =
        ConfigLoader.load(file, Map.of(), ProbeRegistry.standard(), List.of());

    assertThat(config.containerEngines().dockerEngine("edge").orElseThrow().tls().ca())
        .isEqualTo(dir.resolve("certs/ca.pem"));
  }
}
