package io.ravenwatch.bot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker/docker-compose.yml} read as YAML and checked against the repository: the services,
 * their volumes and mounts, and every variable it takes from {@code .env}. (No compose CLI here and
 * no registry to pull InfluxDB and Grafana from: the stack itself cannot run in this test.)
 */
class ComposeFileTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path DOCKER = REPOSITORY.resolve("docker");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern COMMENT = Pattern.compile("(?m)(^|\\s)#.*$");

  private static String text;
  private static Map<String, Object> compose;

  @BeforeAll
  static void read() throws IOException {
    text = Files.readString(DOCKER.resolve("docker-compose.yml"));
    compose = new Yaml().load(text);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object node) {
    return node == null ? List.of() : (List<Object>) node;
  }

  private static Map<String, Object> service(String name) {
    return map(map(compose.get("services")).get(name));
  }

  /** The ${VAR} names a YAML file uses, outside comments (which may show examples). */
  private static Set<String> variables(String content) {
    var names = new TreeSet<String>();
    Matcher m = VARIABLE.matcher(COMMENT.matcher(content).replaceAll(""));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static Set<String> envExampleKeys() throws IOException {
    var keys = new TreeSet<String>();
    for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        keys.add(l.substring(0, l.indexOf('=')));
      }
    }
    return keys;
  }

  @Test
  @DisplayName("the stack is Ravenwatch built from docker/Dockerfile, InfluxDB 1.8 and Grafana")
  void services() {
    assertThat(map(compose.get("services"))).containsOnlyKeys("ravenwatch", "influxdb", "grafana");
    Map<String, Object> build = map(service("ravenwatch").get("build"));
    Path context = DOCKER.resolve((String) build.get("context")).normalize();
    assertThat(context).isEqualTo(REPOSITORY);
    assertThat(context.resolve((String) build.get("dockerfile"))).isRegularFile();
    assertThat(service("influxdb").get("image")).isEqualTo("influxdb:1.8");
    assertThat((String) service("grafana").get("image")).startsWith("grafana/grafana-oss:");
  }

  @Test
  @DisplayName("every named volume a service mounts is declared, and every declared one is used")
  void namedVolumes() {
    Set<String> declared = map(compose.get("volumes")).keySet();
    var used = new LinkedHashSet<String>();
    for (String name : List.of("ravenwatch", "influxdb", "grafana")) {
      for (Object mount : list(service(name).get("volumes"))) {
        String source = ((String) mount).split(":")[0];
        if (!source.startsWith(".") && !source.startsWith("/")) {
          used.add(source);
        }
      }
    }
    assertThat(used).containsExactlyInAnyOrderElementsOf(declared);
    assertThat(list(service("ravenwatch").get("volumes")))
        .contains("ravenwatch-data:/var/lib/ravenwatch");
    assertThat(list(service("influxdb").get("volumes")))
        .contains("influxdb-data:/var/lib/influxdb");
    assertThat(list(service("grafana").get("volumes"))).contains("grafana-data:/var/lib/grafana");
  }

  @Test
  @DisplayName(
      "every bind mount's source exists in the repository, dashboards and provisioning too")
  void bindMountsExist() {
    var mounts = new ArrayList<String>();
    for (String name : List.of("ravenwatch", "influxdb", "grafana")) {
      for (Object mount : list(service(name).get("volumes"))) {
        String[] parts = ((String) mount).split(":");
        if (parts[0].startsWith(".")) {
          mounts.add(parts[0] + " -> " + parts[1]);
          assertThat(DOCKER.resolve(parts[0]).normalize()).as((String) mount).exists();
        }
      }
    }
    assertThat(mounts)
        .contains(
            "./ravenwatch.yml -> /etc/ravenwatch/ravenwatch.yml",
            "../dashboards -> /var/lib/grafana/dashboards",
            "../dashboards/provisioning -> /etc/grafana/provisioning");
  }

  @Test
  @DisplayName("every ${VAR} the compose file uses is in .env.example, and nothing more")
  void variablesComeFromEnvExample() throws IOException {
    assertThat(envExampleKeys()).isEqualTo(variables(text));
  }

  @Test
  @DisplayName("every secret docker/ravenwatch.yml reads is set in the ravenwatch service")
  void ravenwatchGetsItsSecrets() throws IOException {
    Set<String> needed = variables(Files.readString(DOCKER.resolve("ravenwatch.yml")));
    assertThat(needed).contains("INFLUX_USER", "INFLUX_PASSWORD", "DISCORD_TOKEN");
    assertThat(map(service("ravenwatch").get("environment")).keySet()).containsAll(needed);
  }

  @Test
  @DisplayName("every variable Grafana's provisioning files expand is set in the grafana service")
  void grafanaGetsWhatProvisioningExpands() throws IOException {
    Set<String> needed = new TreeSet<>();
    Path provisioning = REPOSITORY.resolve("dashboards/provisioning");
    try (Stream<Path> files = Files.walk(provisioning)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        needed.addAll(variables(Files.readString(f)));
      }
    }
    Map<String, Object> env = map(service("grafana").get("environment"));
    assertThat(env.keySet()).containsAll(needed);
    // What the datasource provisioning is written against, even before its files exist.
    assertThat(env).containsKeys("INFLUX_URL", "INFLUX_DB", "INFLUX_USER", "INFLUX_PASSWORD");
    assertThat(env.get("INFLUX_URL")).isEqualTo("http://influxdb:8086");
  }

  @Test
  @DisplayName("InfluxDB and Grafana have healthchecks; Ravenwatch's is the image's own")
  void healthchecks() throws IOException {
    assertThat(service("influxdb")).containsKey("healthcheck");
    assertThat(service("grafana")).containsKey("healthcheck");
    assertThat(Files.readString(DOCKER.resolve("Dockerfile")))
        .containsPattern("(?m)^HEALTHCHECK .*\\n\\s+CMD \\[.*\"healthcheck\"\\]");
    assertThat(map(map(service("ravenwatch").get("depends_on")).get("influxdb")))
        .containsEntry("condition", "service_healthy");
  }

  @Test
  @DisplayName("no secret is written in the compose file: each comes from .env")
  void noLiteralSecrets() {
    for (String name : List.of("ravenwatch", "influxdb", "grafana")) {
      map(service(name).get("environment"))
          .forEach(
              (key, value) -> {
                if (key.matches(".*(PASSWORD|TOKEN).*")) {
                  assertThat(String.valueOf(value)).as(name + " " + key).startsWith("${");
                }
              });
    }
  }
}
