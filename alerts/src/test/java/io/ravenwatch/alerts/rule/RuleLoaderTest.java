package io.ravenwatch.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleLoaderTest {
  private final RuleLoader loader = RuleLoader.standard();

  private List<String> errors(String yaml) {
    try {
      loader.load(List.of(new RuleSource("team.yml", yaml)), true);
    } catch (ConfigException e) {
      return e.errors().stream().map(ConfigError::line).toList();
    }
    throw new AssertionError("expected errors");
  }

  private static String rule(String condition) {
    return "rules:\n  - name: r\n    condition: '" + condition + "'\n";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          disk.used_percent >                  | team.yml: rules[0].condition: expected a valid condition (at 1:19: parsing error in '>'). Found: "disk.used_percent >"
          disk.used_percent > 90 && mem.used > 1 | team.yml: rules[0].condition: expected a condition on one measurement (it names 2: disk, mem). Found: "disk.used_percent > 90 && mem.used > 1"
          1 > 0                                | team.yml: rules[0].condition: expected a condition on one measurement, as in disk.used_percent > 90 (it names none). Found: "1 > 0"
          disk_full(disk.used_percent) > 1     | team.yml: rules[0].condition: expected a condition calling only the functions predict_linear, rate (unknown function disk_full). Found: "disk_full(disk.used_percent) > 1"
          rates(disk.used_percent) > 1         | team.yml: rules[0].condition: expected a condition calling only the functions predict_linear, rate (unknown function rates (did you mean rate?)). Found: "rates(disk.used_percent) > 1"
          predict_linear(disk.used_percent) > 1 | team.yml: rules[0].condition: expected predict_linear with 2 arguments (it has 1). Found: "predict_linear(disk.used_percent) > 1"
          used_percent > 90                    | team.yml: rules[0].condition: expected references like measurement.field (used_percent alone is not one; threshold is the only bare name). Found: "used_percent > 90"
          disk.used_percent.x > 90             | team.yml: rules[0].condition: expected references like measurement.field (deeper paths and indexing are not allowed). Found: "disk.used_percent.x > 90"
          probe.oks                            | team.yml: rules[0].condition: expected a field of probe: elapsed_ms, name, ok, reason, status, type (not oks (did you mean ok?)). Found: "probe.oks"
          """)
  void reportsBadConditionsWithTheirPath(String condition, String expected) {
    assertThat(errors(rule(condition.strip()))).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          new('java.io.File', '/')                   | team.yml: rules[0].condition: expected a valid condition (at 1:1: create instance error in 'new(..., ...)'). Found: "new(\\"java.io.File\\", \\"/\\")"
          disk.path.getClass() == null               | team.yml: rules[0].condition: expected a valid condition (at 1:10: method call error in '.getClass(...)'). Found: "disk.path.getClass() == null"
          for (x : [1]) { disk.used_percent > 1 }    | team.yml: rules[0].condition: expected a valid condition (at 1:1: parsing error in 'for'). Found: "for (x : [1]) { disk.used_percent > 1 }"
          disk.used_percent = 1                      | team.yml: rules[0].condition: expected a valid condition (at 1:1: global assign/modify error in 'disk...'). Found: "disk.used_percent = 1"
          """)
  void sandboxRefusesCodeAtLoadTime(String condition, String expected) {
    String yaml =
        "rules:\n  - name: r\n    condition: \"" + condition.replace("'", "\\\"") + "\"\n";
    assertThat(errors(yaml)).hasSize(1);
    assertThat(errors(yaml).get(0))
        .startsWith("team.yml: rules[0].condition: expected a valid condition (at 1:");
    assertThat(errors(yaml).get(0)).isEqualTo(expected.replace("\\\\\"", "\\\""));
  }

  @Test
  void reportsEveryProblemOfEveryFileAtOnce() {
    List<String> lines;
    try {
      loader.load(
          List.of(
              new RuleSource(
                  "a.yml",
                  """
                  rules:
                    - name: cpu_hot
                      condition: cpu.usage_active > threshold
                      severity: urgent
                      for: soon
                    - name: disk_usage_high
                      condition: disk.used_percent > 1
                  disable: [disk_usage_hi]
                  """),
              new RuleSource(
                  "b.yml",
                  """
                  rules:
                    - name: cpu_hot
                      condition: cpu.usage_active > 1
                      annotations:
                        summary: "{{ value }} on {{ host }}"
                      tresholds: 3
                  """)),
          true);
      throw new AssertionError("expected errors");
    } catch (ConfigException e) {
      lines = e.errors().stream().map(ConfigError::line).toList();
    }
    assertThat(lines)
        .containsExactly(
            "a.yml: rules[0].severity: expected one of INFO, WARNING, CRITICAL. Found: \"urgent\"",
            "a.yml: rules[0].for: expected a duration like 5s, 250ms or 1m. Found: \"soon\"",
            "a.yml: rules[1].name: expected a name no other rule has (disk_usage_high is defined in default-rules.yml; use override: to change it). Found: \"disk_usage_high\"",
            "b.yml: rules[0].tresholds: expected one of the keys name, scope, condition, value, keep_firing_for, severity, labels, annotations, runbook, threshold, enabled, query, interval, for (did you mean threshold?). Found: unknown key \"tresholds\"",
            "a.yml: disable[0]: expected the name of a default rule (did you mean disk_usage_high?). Found: \"disk_usage_hi\"");
  }

  @Test
  void rejectsTheSameNameInTwoFiles() {
    assertThatThrownBy(
            () ->
                loader.load(
                    List.of(
                        new RuleSource("a.yml", rule("disk.used_percent > 1")),
                        new RuleSource("b.yml", rule("disk.used_percent > 2"))),
                    false))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "b.yml: rules[0].name: expected a name no other rule has (r is defined in a.yml). Found: \"r\"");
  }

  @Test
  void rejectsAnUnknownTemplatePlaceholderAndAMissingThreshold() {
    assertThat(
            errors(
                """
                rules:
                  - name: r
                    condition: disk.used_percent > threshold
                    annotations:
                      summary: "{{ host }} is full"
                """))
        .containsExactly(
            "team.yml: rules[0].threshold: expected a number (the condition reads threshold). Found: nothing",
            "team.yml: rules[0].annotations.summary: expected placeholders {{ value }}, {{ target }}, {{ threshold }}, {{ rule }}, {{ reason }} or {{ labels.NAME }}, not {{ host }}. Found: \"{{ host }} is full\"");
  }

  @Test
  void loadsTheShippedDefaults() {
    RuleSet set = loader.load(List.of(), true);
    assertThat(set.rules())
        .extracting(Rule::name)
        .containsExactly(
            "host_down",
            "service_down_tcp",
            "service_down_http",
            "tls_certificate_expiring",
            "disk_usage_high",
            "disk_predicted_full",
            "ipmi_sensor_critical",
            "ipmi_sensor_warning",
            "snmp_agent_unreachable",
            "interface_down",
            "container_not_running",
            "container_unhealthy",
            "swarm_service_degraded",
            "deployment_replicas_unavailable");
    assertThat(set.rules()).allMatch(Rule::enabled);
    assertThat(loader.load(List.of(), false).rules()).isEmpty();
  }

  @Test
  void filesDisableAndTuneDefaultRules() {
    RuleSet set =
        loader.load(
            List.of(
                new RuleSource(
                    "team.yml",
                    """
                    disable: [interface_down]
                    override:
                      disk_usage_high: {threshold: 95, for: 10m, severity: critical, labels: {team: storage}}
                      tls_certificate_expiring: {enabled: false}
                    """)),
            true);
    assertThat(set.find("interface_down").orElseThrow().enabled()).isFalse();
    assertThat(set.find("tls_certificate_expiring").orElseThrow().enabled()).isFalse();
    Rule disk = set.find("disk_usage_high").orElseThrow();
    assertThat(disk.threshold()).isEqualTo(95.0);
    assertThat(disk.forDuration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(disk.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(disk.labels()).containsEntry("team", "storage");
    assertThat(set.enabled()).extracting(Rule::name).doesNotContain("interface_down");
  }

  @Test
  void readsEveryYamlFileOfADirectory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yml"), rule("disk.used_percent > 1"));
    Files.writeString(
        dir.resolve("b.yaml"),
        "rules:\n  - name: s\n    condition: mem.used_percent > 1\n    for: 2m\n");
    Files.writeString(dir.resolve("notes.txt"), "not rules");
    RuleSet set = loader.load(dir, false);
    assertThat(set.rules()).extracting(Rule::name).containsExactly("r", "s");
    assertThat(set.find("s").orElseThrow().forDuration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(set.find("r").orElseThrow().origin()).isEqualTo("a.yml");
  }

  @Test
  void theShippedExampleRulesDirectoryLoads() {
    RuleSet set = loader.load(Path.of("..", "config", "rules"), true);
    assertThat(set.rules()).isNotEmpty();
  }
}
