package io.ravenwatch.probes.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken configurations, each with the exact lines it must be reported with. */
class ConfigErrorsTableTest {
  private static final Map<String, String> ENV =
      Map.of("SNMP_AUTH", "authpass1", "SNMP_PRIV", "privpass1", "SHORT", "abc");

  static Stream<Arguments> brokenConfigs() {
    return Stream.of(
        broken(
            "unknown top-level key",
            "hots: {}",
            "hots: expected one of the keys data_dir, influxdb, defaults, snmp_credentials, groups,"
                + " hosts, services, ipmi_profiles_dir, container_engines (did you mean hosts?). Found: unknown key \"hots\""),
        broken(
            "unknown host key",
            "hosts: {a: {adress: 10.0.0.1}}",
            "hosts.a.adress: expected one of the keys address, region, group, role, tags, parent,"
                + " snmp, interval, timeout, retries, probes (did you mean address?). Found:"
                + " unknown key \"adress\""),
        broken(
            "unknown probe setting",
            "hosts: {a: {address: h, probes: [{type: net_response, prot: 22}]}}",
            "hosts.a.probes[0].prot: expected one of the keys port, protocol, type, name, interval,"
                + " timeout, retries (did you mean port?). Found: unknown key \"prot\"",
            "hosts.a.probes[0].port: expected a whole number (required). Found: nothing"),
        broken(
            "list where a map is expected",
            "hosts: {a: {tags: [rack]}}",
            "hosts.a.tags: expected a map, each value a string. Found: a list of 1 item"),
        broken(
            "text where a number is expected",
            "influxdb: {batch_size: lots}",
            "influxdb.batch_size: expected a whole number. Found: \"lots\""),
        broken(
            "boolean where a string is expected",
            "hosts: {a: {role: yes}}",
            "hosts.a.role: expected a string (quote it: YAML reads yes, no, on, off, true, false as"
                + " booleans). Found: true"),
        broken(
            "environment reference where no secret is expected",
            "influxdb: {url: '${INFLUX_URL}'}",
            "influxdb.url: expected a plain string (${NAME} is read from the environment only"
                + " where a secret is expected). Found: \"${INFLUX_URL}\""),
        broken(
            "bad duration",
            """
            hosts:
              db1:
                address: 10.0.0.5
                probes:
                  - {type: ping}
                  - {type: net_response, port: 5432}
                  - {type: net_response, name: pg2, port: 5433, timeout: 5 seconds}
            """,
            "hosts.db1.probes[2].timeout: expected a duration like 5s, 250ms or 1m. Found:"
                + " \"5 seconds\""),
        broken(
            "bad enum",
            "snmp_credentials: {c: {version: 4, community: '${SNMP_AUTH}'}}",
            "snmp_credentials.c.version: expected one of V1, V2C, V3. Found: 4"),
        broken(
            "bad regular expression",
            "services: {s: {probes: [{type: http_response, url: 'http://x', body_regex: '('}]}}",
            "services.s.probes[0].body_regex: expected a valid regular expression (Unclosed group"
                + " near index 1). Found: \"(\""),
        broken(
            "unknown probe type",
            "hosts: {a: {address: h, probes: [{type: pnig}]}}",
            "hosts.a.probes[0].type: expected one of the probe types ping, net_response, disk, snmp,"
                + " snmp_disk, http_response, x509_cert, ipmi_sensor (did you mean ping?). Found:"
                + " \"pnig\""),
        broken(
            "probe without a type",
            "hosts: {a: {address: h, probes: [{port: 22}]}}",
            "hosts.a.probes[0].type: expected one of the probe types ping, net_response, disk, snmp,"
                + " snmp_disk, http_response, x509_cert, ipmi_sensor (required). Found: nothing"),
        broken(
            "probes given as one map instead of a list",
            "hosts: {a: {address: h, probes: {type: ping}}}",
            "hosts.a.probes: expected a list. Found: a map with the keys type"),
        broken(
            "probe that is not a map",
            "hosts: {a: {address: h, probes: [ping]}}",
            "hosts.a.probes[0]: expected a probe as a map like {type: ping}. Found: \"ping\""),
        broken(
            "probe settings failing their own validation",
            "hosts: {a: {address: h, probes: [{type: net_response, port: 70000}]}}",
            "hosts.a.probes[0].port: expected a port from 1 to 65535. Found: 70000"),
        broken(
            "two probes with the same name",
            "hosts: {a: {address: h, probes: [{type: ping}, {type: ping}]}}",
            "hosts.a.probes[1].name: expected a probe name unique within a (probes[0] has it too;"
                + " set name: to tell them apart). Found: \"ping\""),
        broken(
            "missing environment variable",
            "snmp_credentials: {c: {version: 2c, community: '${NOPE}'}}",
            "snmp_credentials.c.community: expected the environment variable NOPE to be set (or a"
                + " default: ${NOPE:-value}). Found: \"${NOPE}\", and NOPE is not set"),
        broken(
            "literal secret, not shown",
            "snmp_credentials: {c: {version: 2c, community: hunter2}}",
            "snmp_credentials.c.community: expected a reference to an environment variable like"
                + " ${NAME} or ${NAME:-default}, never the secret itself. Found: a literal value"
                + " (not shown: it may be a secret)"),
        broken(
            "interval under a second",
            "defaults: {interval: 500ms}",
            "defaults.interval: expected an interval of at least 1s. Found: 500ms"),
        broken(
            "zero timeout",
            "hosts: {a: {timeout: 0s}}",
            "hosts.a.timeout: expected a timeout longer than 0s. Found: 0s"),
        broken(
            "negative retries",
            "groups: {g: {retries: -1}}",
            "groups.g.retries: expected a number of retries of 0 or more. Found: -1"),
        broken(
            "probes needing an address",
            "hosts: {a: {probes: [{type: ping}, {type: net_response, port: 22}]}}",
            "hosts.a.address: expected an address (needed by probes ping, net_response). Found:"
                + " nothing"),
        broken(
            "service probe needing an address its host lacks",
            "hosts: {h: {}}\nservices: {s: {host: h, probes: [{type: ping}]}}",
            "services.s.address: expected an address, or a host: with one (needed by probe ping)."
                + " Found: nothing"),
        broken(
            "probe needing snmp credentials",
            """
            snmp_credentials: {c: {version: 2c, community: '${SNMP_AUTH}'}}
            hosts: {a: {address: h, probes: [{type: snmp}]}}
            """,
            "hosts.a.snmp: expected the name of an entry of snmp_credentials: c (needed by probe"
                + " snmp). Found: nothing"),
        broken(
            "undefined snmp credentials",
            """
            snmp_credentials: {c: {version: 2c, community: '${SNMP_AUTH}'}}
            hosts: {a: {address: h, snmp: d}}
            """,
            "hosts.a.snmp: expected the name of an entry of snmp_credentials: c. Found: \"d\""),
        broken(
            "unknown parent",
            "hosts: {a: {parent: switch9}, switch1: {}}",
            "hosts.a.parent: expected the name of a host or service (did you mean switch1?). Found:"
                + " \"switch9\""),
        broken(
            "parent cycle",
            "hosts: {a: {parent: b}, b: {parent: c}, c: {parent: a}, d: {parent: a}}",
            "hosts.a.parent: expected a chain of parents that ends (a target cannot depend on"
                + " itself). Found: the cycle a -> b -> c -> a"),
        broken(
            "service on a host that depends on the service",
            "hosts: {h: {parent: s}}\nservices: {s: {host: h}}",
            "hosts.h.parent: expected a chain of parents that ends (a target cannot depend on"
                + " itself). Found: the cycle h -> s -> h"),
        broken(
            "own parent",
            "hosts: {a: {parent: a}}",
            "hosts.a.parent: expected a chain of parents that ends (a target cannot depend on"
                + " itself). Found: the cycle a -> a"),
        broken(
            "service named like a host",
            "hosts: {x: {}}\nservices: {x: {}}",
            "services.x: expected a name no host has (hosts.x exists; names are unique across"
                + " both). Found: \"x\""),
        broken(
            "service on an unknown host",
            "hosts: {web1: {}}\nservices: {s: {host: web2}}",
            "services.s.host: expected the name of a host (did you mean web1?). Found: \"web2\""),
        broken(
            "group not defined under groups",
            "groups: {databases: {interval: 30s}}\nhosts: {a: {group: databse}}",
            "hosts.a.group: expected one of the groups defined under groups: databases (did you"
                + " mean databases?). Found: \"databse\""),
        broken(
            "v2c without community, with v3 keys",
            "snmp_credentials: {c: {version: v2c, user: ops}}",
            "snmp_credentials.c.community: expected a community as ${ENV} (required for SNMP V2C)."
                + " Found: nothing",
            "snmp_credentials.c.user: expected nothing (user is for SNMP V3; this is V2C). Found:"
                + " \"ops\""),
        broken(
            "v3 without user, privacy without authentication",
            "snmp_credentials: {c: {version: 3, priv_protocol: AES-128, priv_password: '${SNMP_PRIV}'}}",
            "snmp_credentials.c.user: expected a user name (required for SNMP V3). Found: nothing",
            "snmp_credentials.c.priv_protocol: expected auth_protocol and auth_password too"
                + " (privacy needs authentication). Found: AES"),
        broken(
            "v3 passphrase too short, protocol without passphrase",
            """
            snmp_credentials:
              c: {version: 3, user: ops, auth_protocol: SHA256, auth_password: '${SHORT}',
                  priv_protocol: aes-256}
            """,
            "snmp_credentials.c.priv_password: expected a passphrase as ${ENV} (required with"
                + " priv_protocol). Found: nothing",
            "snmp_credentials.c.auth_password: expected a passphrase of at least 8 characters (RFC"
                + " 3414). Found: a secret of 3 characters"),
        broken(
            "one v3 user with two passphrases",
            """
            snmp_credentials:
              a: {version: 3, user: ops, auth_protocol: SHA, auth_password: '${SNMP_AUTH}'}
              b: {version: 3, user: ops, auth_protocol: SHA, auth_password: '${SNMP_PRIV}'}
            """,
            "snmp_credentials.b.user: expected a user name not used by another credential with"
                + " other protocols or passphrases (snmp_credentials.a has this user; one SNMP"
                + " session holds one key set per user). Found: \"ops\""),
        broken(
            "empty file",
            "",
            "(top level): expected a map with the keys data_dir, influxdb, defaults,"
                + " snmp_credentials, groups, hosts, services, ipmi_profiles_dir, container_engines. Found: nothing"),
        broken(
            "YAML syntax error, with line and column",
            "hosts:\n  a: {address: [}\n",
            "test.yml:2:17: expected valid YAML. Found: while parsing a flow node, expected the"
                + " node content, but found '}'"),
        broken(
            "duplicate YAML key",
            "hosts:\n  a: {}\n  a: {}\n",
            "test.yml:3:3: expected valid YAML. Found: while constructing a mapping, found"
                + " duplicate key a"));
  }

  private static Arguments broken(String description, String yaml, String... lines) {
    return Arguments.of(description, yaml, List.of(lines));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenConfigs")
  void reportsEachProblemWithItsExactLine(String description, String yaml, List<String> lines) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> ConfigLoader.parse(yaml, "test.yml", ENV, TestProbeTypes.registry()));

    assertThat(e).as(description).isNotNull();
    assertThat(e.errors()).extracting(ConfigError::line).containsExactlyElementsOf(lines);
    assertThat(e.getMessage()).isEqualTo(String.join("\n", lines));
  }
}
