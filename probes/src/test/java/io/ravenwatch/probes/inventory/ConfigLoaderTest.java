package io.ravenwatch.probes.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.SnmpCredentials.AuthProtocol;
import io.ravenwatch.probes.api.SnmpCredentials.PrivProtocol;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.api.Timing;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigException;
import io.ravenwatch.probes.config.DataSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Map<String, String> ENV =
      Map.of("SNMP_AUTH", "authpass1", "SNMP_PRIV", "privpass1");

  private static RavenwatchConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, "test.yml", ENV, TestProbeTypes.registry());
  }

  private static ConfigException failure(String yaml) {
    return catchThrowableOfType(ConfigException.class, () -> parse(yaml));
  }

  @Test
  void reportsEveryProblemOfAFileAtOnce() {
    ConfigException e =
        failure(
            """
            defaults: {interval: 1 minute}
            influxdb: {gzip: maybe}
            snmp_credentials:
              lan: {version: 2c, community: public}
            hosts:
              db1:
                address: 10.0.0.5
                parent: switch1
                interval: 10
                probes:
                  - {type: net_response}
                  - {type: pnig}
                  - {type: snmp}
              web1: {colour: blue}
            services:
              website: {host: web9, probes: [{type: http_response}]}
            """);

    assertThat(e.errors())
        .extracting(ConfigError::line)
        .containsExactly(
            "defaults.interval: expected a duration like 5s, 250ms or 1m. Found: \"1 minute\"",
            "influxdb.gzip: expected true or false. Found: \"maybe\"",
            "snmp_credentials.lan.community: expected a reference to an environment variable like"
                + " ${NAME} or ${NAME:-default}, never the secret itself. Found: a literal value"
                + " (not shown: it may be a secret)",
            "hosts.db1.interval: expected a duration like 5s, 250ms or 1m. Found: 10",
            "hosts.web1.colour: expected one of the keys address, region, group, role, tags,"
                + " parent, snmp, interval, timeout, retries, probes. Found: unknown key \"colour\"",
            "hosts.db1.parent: expected the name of a host or service. Found: \"switch1\"",
            "services.website.host: expected the name of a host (did you mean web1?). Found:"
                + " \"web9\"",
            "hosts.db1.probes[0].port: expected a whole number (required). Found: nothing",
            "hosts.db1.probes[1].type: expected one of the probe types ping, net_response, disk,"
                + " snmp, snmp_disk, http_response, x509_cert, ipmi_sensor (did you mean ping?)."
                + " Found: \"pnig\"",
            "hosts.db1.snmp: expected the name of an entry of snmp_credentials: lan (needed by"
                + " probe snmp). Found: nothing",
            "services.website.probes[0].url: expected a string (required). Found: nothing");
    assertThat(e.getMessage().lines()).hasSize(11);
  }

  @Test
  void resolvesTimingFromProbeThenTargetThenGroupThenDefaults() {
    RavenwatchConfig config =
        parse(
            """
            defaults: {interval: 2m, timeout: 10s, retries: 4}
            groups:
              databases: {interval: 30s, timeout: 3s, retries: 1}
            hosts:
              db1:
                address: 10.0.0.5
                group: databases
                interval: 20s
                probes:
                  - {type: ping, timeout: 1s}
                  - {type: net_response, port: 5432}
              lone:
                address: 10.0.0.6
                probes: [{type: ping, retries: 0}]
            """);

    Target db1 = config.inventory().find("db1").orElseThrow();
    assertThat(db1.probes())
        .extracting(ProbeSpec::name, ProbeSpec::timing)
        .containsExactly(
            tuple("ping", new Timing(Duration.ofSeconds(20), Duration.ofSeconds(1), 1)),
            tuple("net_response", new Timing(Duration.ofSeconds(20), Duration.ofSeconds(3), 1)));
    assertThat(config.inventory().find("lone").orElseThrow().probes().getFirst().timing())
        .isEqualTo(new Timing(Duration.ofMinutes(2), Duration.ofSeconds(10), 0));
    assertThat(config.defaults())
        .isEqualTo(new Timing(Duration.ofMinutes(2), Duration.ofSeconds(10), 4));
  }

  @Test
  void usesBuiltInDefaultsForAnAlmostEmptyFile() {
    RavenwatchConfig config = parse("hosts: {a: {address: h, probes: [{type: ping}]}}");

    assertThat(config.defaults())
        .isEqualTo(new Timing(Duration.ofSeconds(60), Duration.ofSeconds(5), 2));
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.influx().enabled()).isFalse();
    assertThat(config.influx().database()).isEqualTo("ravenwatch");
    assertThat(config.influx().spoolMaxSize()).isEqualTo(DataSize.ofMebibytes(512));
  }

  @Test
  void bindsProbeSettingsAndNamesIntoSpecs() {
    RavenwatchConfig config =
        parse(
            """
            services:
              website:
                probes:
                  - type: http_response
                    name: health
                    url: https://example.org/health
                    expected_status: 204
                    body_regex: 'ok'
                  - {type: http_response, url: "https://example.org/"}
            """);

    Target site = config.inventory().find("website").orElseThrow();
    assertThat(site.kind()).isEqualTo(Target.Kind.SERVICE);
    assertThat(site.probes())
        .extracting(ProbeSpec::name)
        .containsExactly("health", "http_response");
    var settings = (TestProbeTypes.HttpSettings) site.probes().getFirst().settings();
    assertThat(settings.url()).isEqualTo("https://example.org/health");
    assertThat(settings.method()).isEqualTo("GET");
    assertThat(settings.expectedStatus()).isEqualTo(204);
    assertThat(settings.bodyRegex().pattern()).isEqualTo("ok");
    assertThat(settings.followRedirects()).isTrue();
  }

  @Test
  void resolvesTargetsWithTagsParentsAndCredentials() {
    RavenwatchConfig config =
        parse(
            """
            snmp_credentials:
              ops-v3: {version: 3, user: ops, auth_protocol: SHA-256, auth_password: "${SNMP_AUTH}",
                       priv_protocol: AES-128, priv_password: "${SNMP_PRIV}"}
            hosts:
              switch1: {address: 10.0.0.2}
              db1:
                address: 10.0.0.5
                region: eu-west
                group: databases
                role: primary
                parent: switch1
                tags: {rack: r12, row: 3}
                snmp: ops-v3
                probes: [{type: snmp}]
            services:
              postgres:
                host: db1
                probes: [{type: net_response, port: 5432}]
            """);

    Target db1 = config.inventory().find("db1").orElseThrow();
    assertThat(db1.pointTags())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "source", "db1",
                "region", "eu-west",
                "group", "databases",
                "role", "primary",
                "rack", "r12",
                "row", "3"));
    assertThat(db1.parent()).isEqualTo("switch1");
    SnmpCredentials creds = db1.snmp().orElseThrow();
    assertThat(creds.version()).isEqualTo(SnmpCredentials.Version.V3);
    assertThat(creds.port()).isEqualTo(161);
    assertThat(creds.authProtocol()).isEqualTo(AuthProtocol.SHA_256);
    assertThat(creds.privProtocol()).isEqualTo(PrivProtocol.AES);
    assertThat(creds.authPassword().reveal()).isEqualTo("authpass1");

    Target postgres = config.inventory().find("postgres").orElseThrow();
    assertThat(postgres.address()).isEqualTo("10.0.0.5");
    assertThat(postgres.region()).isEqualTo("eu-west");
    assertThat(postgres.parent()).isEqualTo("db1");
    assertThat(config.inventory().ancestors("postgres"))
        .extracting(Target::name)
        .containsExactly("db1", "switch1");
    assertThat(config.inventory().children("switch1"))
        .extracting(Target::name)
        .containsExactly("db1");
  }

  @Test
  void acceptsTheUsualSpellingsOfSnmpVersionsAndProtocols() {
    RavenwatchConfig config =
        parse(
            """
            snmp_credentials:
              a: {version: 1, community: "${SNMP_AUTH}"}
              b: {version: v2c, community: "${SNMP_AUTH}"}
              c: {version: 2c, community: "${SNMP_AUTH}", port: 1161}
              d: {version: V3, user: x, auth_protocol: sha1, auth_password: "${SNMP_AUTH}"}
              e: {version: 3, user: y, auth_protocol: SHA256, auth_password: "${SNMP_AUTH}",
                  priv_protocol: aes_256, priv_password: "${SNMP_PRIV}"}
              f: {version: 3, user: z}
            """);

    Map<String, SnmpCredentials> creds = config.snmpCredentials();
    assertThat(creds.values())
        .extracting(SnmpCredentials::version)
        .containsExactly(
            SnmpCredentials.Version.V1,
            SnmpCredentials.Version.V2C,
            SnmpCredentials.Version.V2C,
            SnmpCredentials.Version.V3,
            SnmpCredentials.Version.V3,
            SnmpCredentials.Version.V3);
    assertThat(creds.get("c").port()).isEqualTo(1161);
    assertThat(creds.get("d").authProtocol()).isEqualTo(AuthProtocol.SHA);
    assertThat(creds.get("e").authProtocol()).isEqualTo(AuthProtocol.SHA_256);
    assertThat(creds.get("e").privProtocol()).isEqualTo(PrivProtocol.AES_256);
    assertThat(creds.get("f").authProtocol()).isNull();
  }

  @Test
  void takesSecretsFromTheEnvironmentOrTheirDefault() {
    RavenwatchConfig config =
        parse(
            """
            snmp_credentials:
              set: {version: 2c, community: "${SNMP_AUTH:-public}"}
              unset: {version: 2c, community: "${SNMP_COMMUNITY:-public}"}
            """);

    assertThat(config.snmpCredentials().get("set").community().reveal()).isEqualTo("authpass1");
    assertThat(config.snmpCredentials().get("unset").community().reveal()).isEqualTo("public");
  }

  @Test
  void neverShowsASecretInTheConfigurationsToString() {
    RavenwatchConfig config =
        parse(
            """
            influxdb: {url: "http://127.0.0.1:8086", password: "${SNMP_PRIV}"}
            snmp_credentials:
              ops: {version: 3, user: ops, auth_protocol: SHA, auth_password: "${SNMP_AUTH}"}
            hosts: {db1: {address: 10.0.0.5, snmp: ops, probes: [{type: snmp}]}}
            """);

    String shown = config.toString();
    assertThat(shown).doesNotContain("authpass1").doesNotContain("privpass1");
    assertThat(shown).contains("Secret[${SNMP_AUTH}=****]").contains("Secret[${SNMP_PRIV}=****]");
  }

  @Test
  void allowsTwoCredentialsForOneV3UserWhenTheyAgree() {
    RavenwatchConfig config =
        parse(
            """
            snmp_credentials:
              a: {version: 3, user: ops, auth_protocol: SHA, auth_password: "${SNMP_AUTH}"}
              b: {version: 3, user: ops, auth_protocol: SHA, auth_password: "${SNMP_AUTH}", port: 1161}
            """);

    assertThat(config.snmpCredentials()).containsOnlyKeys("a", "b");
  }

  record ClashingSettings(Duration timeout) {}

  @Test
  void refusesAProbeTypeWhoseSettingsReuseACommonKey() {
    var registry =
        new ProbeRegistry()
            .register(
                new ProbeType<>(
                    "clash", ClashingSettings.class, ProbeRegistry.NOTHING, (t, s) -> null));

    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "hosts: {a: {probes: [{type: clash}]}}", "test.yml", ENV, registry))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "probe type clash: its settings record must not have a component" + " named timeout");
  }

  @Test
  void loadsAFileAndResolvesDataDirAgainstItsDirectory(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("conf/ravenwatch.yml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "data_dir: ../state\n");

    RavenwatchConfig config = ConfigLoader.load(file, ENV, TestProbeTypes.registry());

    assertThat(config.dataDir()).isEqualTo(dir.resolve("state").toAbsolutePath());
    assertThat(config.inventory().size()).isZero();
  }

  @Test
  void reportsAMissingFileAsAConfigurationError(@TempDir Path dir) {
    Path file = dir.resolve("nope.yml");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.load(file, ENV, TestProbeTypes.registry()));

    assertThat(e.getMessage())
        .isEqualTo(file + ": expected a readable configuration file. Found: no such file");
  }

  @Test
  void namesTheFileLineAndColumnOfASyntaxErrorInAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yml");
    Files.writeString(file, "hosts:\n  a: {address: 10.0.0.1\n");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.load(file, ENV, TestProbeTypes.registry()));

    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().getFirst().path()).isEqualTo("bad.yml:3:1");
    assertThat(e.errors().getFirst().expected()).isEqualTo("valid YAML");
  }
}
