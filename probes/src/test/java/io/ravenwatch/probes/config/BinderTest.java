package io.ravenwatch.probes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BinderTest {
  enum Mode {
    READ_ONLY,
    READ_WRITE
  }

  record Limits(
      long maxBytes,
      double ratio,
      DataSize spool,
      Path dir,
      Mode mode,
      @Default("true") boolean enabled,
      @Default("7") int count,
      @Default("1m30s") Duration every) {}

  record Port(int port) implements Validatable {
    @Override
    public void validate(ConfigProblems problems) {
      if (port < 1 || port > 65535) {
        problems.report("port", "a port from 1 to 65535", port);
      }
    }
  }

  record Ports(@OptionalKey List<Port> ports, @OptionalKey Map<String, Port> named) {}

  record Range(int low, int high) {
    Range {
      if (low > high) {
        throw new IllegalArgumentException("low <= high");
      }
    }
  }

  record Wrapper(@OptionalKey String label, @OptionalKey Secret secret) {}

  private final ConfigErrors errors = new ConfigErrors();

  private Binder binder(Map<String, String> env) {
    return new Binder(new ValueParsers(env), errors);
  }

  private <R extends Record> R bind(String yaml, Class<R> type) {
    return binder(Map.of()).bindRecord(YamlTree.parse(yaml, "t.yml"), type, "root", Set.of());
  }

  private List<String> lines() {
    return errors.list().stream().map(ConfigError::line).toList();
  }

  @Test
  void bindsScalarTypesAndDefaultsWrittenAsYaml() {
    Limits l =
        bind(
            "{max_bytes: 10000000000, ratio: 0.5, spool: 10MiB, dir: /var/lib/x, mode: read-write}",
            Limits.class);

    assertThat(lines()).isEmpty();
    assertThat(l)
        .isEqualTo(
            new Limits(
                10_000_000_000L,
                0.5,
                DataSize.ofMebibytes(10),
                Path.of("/var/lib/x"),
                Mode.READ_WRITE,
                true,
                7,
                Duration.ofSeconds(90)));
  }

  @Test
  void reportsEveryBadComponentOfARecordInFileOrder() {
    Limits l = bind("{mode: rw, spool: lots, ratio: half, count: 3000000000}", Limits.class);

    assertThat(l).isNotNull();
    assertThat(lines())
        .containsExactly(
            "root.mode: expected one of READ-ONLY, READ-WRITE. Found: \"rw\"",
            "root.spool: expected a size like 512MiB, 10MB or 4096. Found: \"lots\"",
            "root.ratio: expected a number. Found: \"half\"",
            "root.count: expected a whole number from -2147483648 to 2147483647. Found: 3000000000",
            "root.max_bytes: expected a whole number (required). Found: nothing",
            "root.dir: expected a file path (required). Found: nothing");
  }

  @Test
  void prefixesValidationProblemsWithThePathOfEachElement() {
    Ports p =
        bind(
            "{ports: [{port: 22}, {port: 0}], named: {b: {port: 70000}, a: {port: 1}}}",
            Ports.class);

    assertThat(lines())
        .containsExactly(
            "root.ports[1].port: expected a port from 1 to 65535. Found: 0",
            "root.named.b.port: expected a port from 1 to 65535. Found: 70000");
    assertThat(p.named()).containsOnlyKeys("b", "a");
    assertThat(p.named().keySet()).containsExactly("b", "a");
  }

  @Test
  void doesNotValidateARecordThatFailedToBind() {
    bind("{ports: [{port: ssh}]}", Ports.class);

    assertThat(lines())
        .containsExactly("root.ports[0].port: expected a whole number. Found: \"ssh\"");
  }

  @Test
  void makesAbsentOptionalCollectionsEmptyAndScalarsNull() {
    Ports p = bind("{}", Ports.class);
    Wrapper w = bind("{}", Wrapper.class);

    assertThat(p.ports()).isEmpty();
    assertThat(p.named()).isEmpty();
    assertThat(w.label()).isNull();
    assertThat(w.secret()).isNull();
  }

  @Test
  void reportsARecordsOwnRefusalAsAConfigurationProblem() {
    Range r = bind("{low: 5, high: 1}", Range.class);

    assertThat(r).isNull();
    assertThat(lines())
        .containsExactly(
            "root: expected valid settings (low <= high). Found: a map with the keys low, high");
  }

  @Test
  void treatsAnEmptyEnvironmentVariableAsUnset() {
    Wrapper w =
        binder(Map.of("EMPTY", ""))
            .bindRecord(Map.of("secret", "${EMPTY}"), Wrapper.class, "root", Set.of());

    assertThat(w).isNotNull();
    assertThat(lines())
        .containsExactly(
            "root.secret: expected the environment variable EMPTY to be set (or a default:"
                + " ${EMPTY:-value}). Found: \"${EMPTY}\", and EMPTY is not set");
  }

  @Test
  void showsABrokenSecretReferenceButNeverALiteral() {
    bind("{secret: $PASSWORD}", Wrapper.class);
    bind("{secret: 12345678}", Wrapper.class);

    assertThat(lines())
        .extracting(line -> line.substring(line.indexOf("Found: ")))
        .containsExactly(
            "Found: \"$PASSWORD\"", "Found: a literal value (not shown: it may be a secret)");
  }

  @Test
  void acceptsKeysNamedByTheCallerNextToTheRecordsOwn() {
    Port p =
        binder(Map.of())
            .bindRecord(Map.of("port", 22, "type", "x"), Port.class, "p", Set.of("type"));

    assertThat(p).isEqualTo(new Port(22));
    assertThat(lines()).isEmpty();
  }

  @Test
  void parsesDurationsInEveryUnitAndFormatsThemBack() {
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThatThrownBy(() -> Durations.parse("5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.parse("5 s")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.parse("")).isInstanceOf(IllegalArgumentException.class);
  }
}
