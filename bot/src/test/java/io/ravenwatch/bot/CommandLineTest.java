package io.ravenwatch.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  @DisplayName("check-config prints every error with its key path and exits with 2")
  void checkConfigReportsAllErrors() throws IOException {
    Path file = dir.resolve("bad.yml");
    Files.writeString(
        file,
        """
        defaults: {interval: 5 seconds}
        hosts:
          db1:
            address: 10.0.0.5
            colour: blue
            probes: [{type: net_response, port: 99999}]
        """);

    int status = run("check-config", file.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("3 configuration error(s)")
        .contains("defaults.interval: expected a duration")
        .contains("hosts.db1.colour: ")
        .contains("hosts.db1.probes[0].port: ");
  }

  @Test
  @DisplayName("check-config accepts the shipped example configuration")
  void shippedExampleIsValid() {
    int status = run("check-config", Path.of("../config/ravenwatch.yml").toString());

    assertThat(err.toString()).isEmpty();
    assertThat(status).isZero();
    assertThat(out.toString()).contains("OK").contains("host(s)");
  }

  @Test
  @DisplayName("probe with an unknown target names the known ones and exits with 2")
  void probeUnknownTarget() throws IOException {
    Path file = dir.resolve("one.yml");
    Files.writeString(file, "hosts:\n  web1: {address: 127.0.0.1, probes: [{type: ping}]}\n");

    int status = run("probe", "--config", file.toString(), "web2");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown target 'web2'").contains("web1");
  }

  @Test
  @DisplayName("probe runs a target's probes once and prints results with their points")
  void probeRunsOnce() throws IOException {
    try (var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Path file = dir.resolve("tcp.yml");
      Files.writeString(
          file,
          """
          data_dir: %s
          hosts:
            local:
              address: 127.0.0.1
              probes:
                - {type: net_response, port: %d}
                - {type: net_response, name: closed, port: 1, retries: 0}
          """
              .formatted(dir, server.getLocalPort()));

      int status = run("probe", "--config", file.toString(), "local");

      assertThat(out.toString())
          .contains("local/net_response")
          .contains("OK")
          .contains("local/closed")
          .contains("FAILED")
          .contains("net_response {port=" + server.getLocalPort())
          .contains("result=success");
      assertThat(status).as("a failed probe makes the exit status 1").isEqualTo(1);
    }
  }

  @Test
  @DisplayName("check-config reports the alert section's and the rule files' errors too")
  void checkConfigCoversAlertsAndRules() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(
        rules.resolve("team.yml"), "rules:\n  - name: bad\n    condition: disk.used_percent >\n");
    Path file = dir.resolve("alerts.yml");
    Files.writeString(
        file,
        """
        alerts:
          rules_dir: rules
          route: {receivers: [pager], group_wait: soon}
        """);

    int status = run("check-config", file.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("alerts.route.group_wait: expected a duration")
        .contains("alerts.route.receivers[0]: expected the name of a receiver")
        .doesNotContain("team.yml"); // rules are checked once the configuration itself is valid
  }

  @Test
  @DisplayName("check-config names a rule file's broken condition with its file and path")
  void checkConfigReportsRuleErrors() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(
        rules.resolve("team.yml"), "rules:\n  - name: bad\n    condition: disk.used_percent >\n");
    Path file = dir.resolve("alerts.yml");
    Files.writeString(file, "alerts: {rules_dir: rules}\n");

    int status = run("check-config", file.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("team.yml: rules[0].condition: ");
  }
}
