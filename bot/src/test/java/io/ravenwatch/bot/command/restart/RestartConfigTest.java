package io.ravenwatch.bot.command.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigException;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RestartConfigTest {

  private static RavenwatchConfig parse(String yaml) {
    return ConfigLoader.parse(
        yaml, "t.yml", Map.of(), ProbeRegistry.standard(), List.of(RestartConfig.SECTION));
  }

  @Test
  @DisplayName("restart targets bind with their kind, and a 2m timeout by default")
  void bindsTargets() {
    RavenwatchConfig config =
        parse(
            """
            container_engines:
              docker: {local: {host: "unix:///run/docker.sock"}}
            restart:
              targets:
                web: {engine: local, container: web}
                api: {engine: local, service: api, timeout: 30s}
            """);

    RestartConfig restart = config.section(RestartConfig.SECTION);
    assertThat(restart.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(restart.targets().get("web").kind()).isEqualTo(Restartable.Kind.CONTAINER);
    assertThat(restart.targets().get("web").timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(restart.targets().get("api").kind()).isEqualTo(Restartable.Kind.SWARM_SERVICE);
  }

  @Test
  @DisplayName("every problem of restart targets is reported at once, with its key path")
  void reportsEveryProblem() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                parse(
                    """
                    restart:
                      targets:
                        none: {engine: local}
                        both: {engine: local, container: web, service: web}
                        ns: {engine: local, container: web, namespace: prod, timeout: 0s}
                    """));

    assertThat(e.errors())
        .extracting(ConfigError::line)
        .containsExactlyInAnyOrder(
            "restart.targets.none: expected exactly one of container, service or deployment."
                + " Found: none of them",
            "restart.targets.both: expected exactly one of container, service or deployment."
                + " Found: 2 of them",
            "restart.targets.ns.namespace: expected a namespace only with deployment. Found:"
                + " \"prod\"",
            "restart.targets.ns.timeout: expected a duration above 0s. Found: 0s");
  }

  @Test
  @DisplayName("a poll interval under 100ms is refused")
  void refusesBusyPolling() {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> parse("restart: {poll_interval: 10ms}"));

    assertThat(e.errors())
        .extracting(ConfigError::line)
        .containsExactly("restart.poll_interval: expected at least 100ms. Found: 10ms");
  }

  @Test
  @DisplayName("engines of the wrong kind, undeclared engines and unknown targets are reported")
  void reportsBadReferences() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                parse(
                    """
            container_engines:
              docker: {local: {host: "unix:///run/docker.sock"}}
              kubernetes: {prod: {master_url: "https://k8s:6443"}}
            hosts: {web1: {address: 127.0.0.1}}
            restart:
              targets:
                web: {engine: prod, container: web, target: web1}
                front: {engine: local, deployment: front}
                api: {engine: swarm, service: api, target: api-host}
            """));

    assertThat(e.errors())
        .extracting(ConfigError::line)
        .containsExactly(
            "restart.targets.web.engine: expected a docker engine of container_engines.docker:"
                + " local. Found: \"prod\"",
            "restart.targets.front.engine: expected a kubernetes engine of"
                + " container_engines.kubernetes: prod. Found: \"local\"",
            "restart.targets.api.engine: expected a docker engine of container_engines.docker:"
                + " local. Found: \"swarm\"",
            "restart.targets.api.target: expected a host or service of the inventory. Found:"
                + " \"api-host\"");
  }
}
