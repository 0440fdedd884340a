package io.ravenwatch.probes.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.ConfigSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code config/ravenwatch.yml} loads on a fresh machine (no environment variables),
 * and so do its commented-out examples once uncommented. Checked against the real probe types of
 * {@link ProbeRegistry#standard()}, so the example's settings keys are the real ones.
 */
class ExampleConfigTest {
  /** An indented {@code # key: …} or {@code # - …} line: a commented-out example, not prose. */
  private static final Pattern EXAMPLE_LINE =
      Pattern.compile("^( {2,})# ((?: *)(?:[a-z0-9_-]+:(?: |$)|- ).*)$");

  /**
   * The alert engine's and the bot's sections are checked by the bot's tests; here only accepted.
   */
  record OtherModules() {}

  private static final List<ConfigSection<?>> SECTIONS =
      List.of(
          new ConfigSection<>("alerts", OtherModules.class, (n, b, e, p) -> new OtherModules()),
          new ConfigSection<>("discord", OtherModules.class, (n, b, e, p) -> new OtherModules()),
          new ConfigSection<>("restart", OtherModules.class, (n, b, e, p) -> new OtherModules()),
          new ConfigSection<>("failover", OtherModules.class, (n, b, e, p) -> new OtherModules()),
          new ConfigSection<>("health", OtherModules.class, (n, b, e, p) -> new OtherModules()));

  private static ProbeRegistry registry() {
    return ProbeRegistry.standard();
  }

  private static Path exampleFile() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("config/ravenwatch.yml"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("config/ravenwatch.yml above the working directory").isNotNull();
    return dir.resolve("config/ravenwatch.yml");
  }

  @Test
  void loadsTheShippedExampleWithoutAnySecretSet() {
    Path file = exampleFile();

    RavenwatchConfig config = ConfigLoader.load(file, Map.of(), registry(), SECTIONS);

    assertThat(config.dataDir()).isEqualTo(file.getParent().getParent().resolve("data"));
    assertThat(config.influx().enabled()).isFalse();
    assertThat(config.inventory().names()).containsExactly("localhost", "ssh");
    Target localhost = config.inventory().find("localhost").orElseThrow();
    assertThat(localhost.address()).isEqualTo("127.0.0.1");
    assertThat(localhost.probes())
        .extracting(ProbeSpec::type)
        .containsExactly("ping", "disk", "snmp", "snmp_disk");
    assertThat(localhost.probes().getFirst().timing().timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(localhost.snmp().orElseThrow().community().reveal()).isEqualTo("public");
    Target ssh = config.inventory().find("ssh").orElseThrow();
    assertThat(ssh.address()).isEqualTo("127.0.0.1");
    assertThat(ssh.parent()).isEqualTo("localhost");
  }

  @Test
  void loadsTheExampleWithItsCommentedOutExamplesEnabled() throws Exception {
    String uncommented =
        Files.readString(exampleFile())
            .lines()
            .map(line -> EXAMPLE_LINE.matcher(line).replaceFirst("$1$2"))
            .collect(Collectors.joining("\n"));
    var env =
        Map.of(
            "SNMP_AUTH", "auth-passphrase",
            "SNMP_PRIV", "priv-passphrase",
            "INFLUX_USER", "ravenwatch",
            "INFLUX_PASSWORD", "secret",
            "INFLUX_TOKEN", "token",
            "K8S_TOKEN", "k8s-token");

    RavenwatchConfig config =
        ConfigLoader.parse(uncommented, "ravenwatch.yml (uncommented)", env, registry(), SECTIONS);

    assertThat(config.influx().enabled()).isTrue();
    assertThat(config.snmpCredentials()).containsOnlyKeys("local-v2c", "ops-v3");
    assertThat(config.inventory().names())
        .containsExactly("localhost", "switch1", "db1", "db1-bmc", "docker1", "ssh", "website");
    assertThat(config.inventory().ancestors("db1-bmc"))
        .extracting(Target::name)
        .containsExactly("db1", "switch1");
    assertThat(config.containerEngines().docker()).containsOnlyKeys("local", "edge1");
    assertThat(config.inventory().find("docker1").orElseThrow().probes())
        .extracting(ProbeSpec::type)
        .containsExactly("docker", "docker_swarm", "kubernetes");
    assertThat(config.inventory().find("website").orElseThrow().probes())
        .extracting(ProbeSpec::type)
        .containsExactly("http_response", "x509_cert");
  }
}
