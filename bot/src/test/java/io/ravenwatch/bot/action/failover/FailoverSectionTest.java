package io.ravenwatch.bot.action.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.bot.action.failover.step.CommandStep;
import io.ravenwatch.bot.action.failover.step.RedisPromoteStep;
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

class FailoverSectionTest {
  private static final String INVENTORY =
      """
      hosts:
        cache-a: {address: 10.0.0.11}
        cache-b: {address: 10.0.0.12}
      services:
        cache: {address: 10.0.0.10}
      """;

  private static RavenwatchConfig parse(String yaml, Map<String, String> env) {
    return ConfigLoader.parse(
        INVENTORY + yaml,
        "test.yml",
        env,
        ProbeRegistry.standard(),
        List.of(FailoverSection.SECTION));
  }

  @Test
  @DisplayName("a plan binds: nodes, roles, preconditions, steps with their timeouts, post-checks")
  void bindsAPlan() {
    RavenwatchConfig config =
        parse(
            """
            failover:
              step_timeout: 20s
              services:
                cache:
                  primary: redis-a
                  standbys: [redis-b]
                  nodes:
                    redis-a: {host: 10.0.0.11, target: cache-a, redis: {password: "${REDIS_PW}"}}
                    redis-b: {host: 10.0.0.12, target: cache-b, redis: {port: 6380, password: "${REDIS_PW}"}}
                  preconditions: {healthy_probes: 5, max_replication_lag: 10s}
                  steps:
                    - {type: redis_promote}
                    - {type: command, argv: [/usr/local/bin/vip, "{{standby.host}}"], timeout: 5s}
                  post_checks:
                    - {type: redis_role}
            """,
            Map.of("REDIS_PW", "s3cretpw"));

    ServicePlan plan = config.section(FailoverSection.SECTION).service("cache").orElseThrow();
    assertThat(plan.target()).isEqualTo("cache");
    assertThat(plan.order()).containsExactly("redis-a", "redis-b");
    assertThat(plan.candidates("redis-b")).containsExactly("redis-a");
    assertThat(plan.nodes().get("redis-b").redis().port()).isEqualTo(6380);
    assertThat(plan.nodes().get("redis-b").redis().password().reveal()).isEqualTo("s3cretpw");
    assertThat(plan.preconditions().healthyProbes()).isEqualTo(5);
    assertThat(plan.preconditions().maxReplicationLag()).isEqualTo(Duration.ofSeconds(10));
    assertThat(plan.steps())
        .satisfiesExactly(
            s -> {
              assertThat(s.type()).isEqualTo(RedisPromoteStep.TYPE);
              assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(20));
              assertThat(((RedisPromoteStep.Settings) s.settings()).node())
                  .isEqualTo("{{standby}}");
            },
            s -> {
              assertThat(s.type()).isEqualTo(CommandStep.TYPE);
              assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
            });
    assertThat(plan.postChecks()).hasSize(1);
    assertThat(plan.toString()).doesNotContain("s3cretpw");
  }

  @Test
  @DisplayName(
      "a bad plan reports every problem at once, each with its key path and what was expected")
  void reportsEveryProblem() {
    String yaml =
        """
        failover:
          services:
            cache:
              primary: redis-x
              standbys: [redis-b, redis-b]
              nodes:
                redis-a: {host: 10.0.0.11, redis: {password: hunter2}}
                redis-b: {host: 10.0.0.12, target: cache-b}
              steps:
                - {type: redis_promot}
                - {type: redis_promote}
                - {type: ipmi_power, node: redis-c, action: cycle}
                - {type: command, argv: [/bin/x, "{{standby.address}}"], timeout: -1s}
                - {type: http, url: "https://admin:pw@lb.example.org/pools"}
            db:
              primary: a
              standbys: [b]
              nodes: {a: {host: h}, b: {host: h}}
        """;

    assertThatThrownBy(() -> parse(yaml, Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              List<String> paths = e.errors().stream().map(ConfigError::path).toList();
              assertThat(paths)
                  .contains(
                      "failover.services.cache.nodes.redis-a.redis.password",
                      "failover.services.cache.steps[0].type",
                      "failover.services.cache.steps[3].argv[1]",
                      "failover.services.cache.steps[3].timeout",
                      "failover.services.cache.steps[2].node",
                      "failover.services.cache.steps[4].url",
                      "failover.services.db.steps");
              assertThat(e.getMessage())
                  .contains("never the secret itself")
                  .contains("redis_promote")
                  .contains("{{standby.address}}")
                  .contains("expected its redis endpoint: steps[1] (redis_promote) acts on redis-b")
                  .doesNotContain("hunter2\n");
            });
  }

  @Test
  @DisplayName(
      "references between parts of a plan are checked: primary, standbys, step nodes, endpoints")
  void checksReferencesInsideAPlan() {
    String yaml =
        """
        failover:
          services:
            cache:
              primary: redis-x
              standbys: [redis-b, redis-b]
              preconditions: {healthy_probes: 3}
              nodes:
                redis-a: {host: 10.0.0.11, target: cache-a, redis: {}}
                redis-b: {host: 10.0.0.12}
              steps:
                - {type: redis_promote}
                - {type: ipmi_power, node: redis-c, action: cycle}
        """;

    assertThatThrownBy(() -> parse(yaml, Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ConfigError::path)
                    .containsExactlyInAnyOrder(
                        "failover.services.cache.primary",
                        "failover.services.cache.standbys[1]",
                        "failover.services.cache.nodes.redis-b.target",
                        "failover.services.cache.nodes.redis-b.redis",
                        "failover.services.cache.steps[1].node"));
  }

  @Test
  @DisplayName("inventory targets the plan names must exist, reported with the other errors")
  void checksInventoryTargets() {
    assertThatThrownBy(
            () ->
                parse(
                    """
            failover:
              services:
                kv:
                  primary: a
                  standbys: [b]
                  nodes:
                    a: {host: h, target: cache-a, redis: {}}
                    b: {host: h, target: cache-z, redis: {}}
                  steps: [{type: redis_promote}]
            defaults: {interval: 0s}
            """,
                    Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ConfigError::path)
                    .containsExactlyInAnyOrder(
                        "defaults.interval",
                        "failover.services.kv.target",
                        "failover.services.kv.nodes.b.target"));
  }

  @Test
  @DisplayName("a node's docker engine is one declared under container_engines.docker")
  void bindsADeclaredDockerEngine() {
    RavenwatchConfig config =
        parse(
            """
            container_engines:
              docker:
                local: {host: "unix:///var/run/docker.sock"}
            failover:
              services:
                cache:
                  primary: a
                  standbys: [b]
                  preconditions: {healthy_probes: 0}
                  nodes:
                    a: {host: h, docker: {engine: local}}
                    b: {host: h, docker: {engine: local}}
                  steps: [{type: docker, container: app, action: stop}]
            """,
            Map.of());

    ServicePlan plan = config.section(FailoverSection.SECTION).service("cache").orElseThrow();
    assertThat(plan.nodes().get("a").docker().engine()).isEqualTo("local");
    assertThat(config.containerEngines().dockerEngine("local")).isPresent();
  }

  @Test
  @DisplayName(
      "a node naming an undeclared docker engine is reported at its key path, with the declared"
          + " ones")
  void reportsAnUndeclaredDockerEngine() {
    String yaml =
        """
        container_engines:
          docker:
            local: {host: "unix:///var/run/docker.sock"}
            edge1: {host: "tcp://10.0.0.5:2375"}
        failover:
          services:
            cache:
              primary: a
              standbys: [b]
              preconditions: {healthy_probes: 0}
              nodes:
                a: {host: h, docker: {engine: local}}
                b: {host: h, docker: {engine: edge2}}
              steps: [{type: docker, container: app, action: stop}]
        """;

    assertThatThrownBy(() -> parse(yaml, Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.errors())
                  .extracting(ConfigError::path)
                  .containsExactly("failover.services.cache.nodes.b.docker.engine");
              assertThat(e.getMessage())
                  .contains("a docker engine of container_engines.docker: local, edge1")
                  .contains("edge2");
            });
  }

  @Test
  @DisplayName("the old node-level docker endpoint (host, api_version) is rejected")
  void rejectsANodeLevelDockerHost() {
    String yaml =
        """
        failover:
          services:
            cache:
              primary: a
              standbys: [b]
              preconditions: {healthy_probes: 0}
              nodes:
                a: {host: h, docker: {host: "unix:///var/run/docker.sock"}}
                b: {host: h, docker: {engine: local}}
              steps: [{type: docker, container: app, action: stop}]
        """;

    assertThatThrownBy(() -> parse(yaml, Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ConfigError::path)
                    .contains(
                        "failover.services.cache.nodes.a.docker.host",
                        "failover.services.cache.nodes.a.docker.engine"));
  }
}
