package io.ravenwatch.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.LastResults;
import io.ravenwatch.bot.chat.OptionSpec;
import io.ravenwatch.probes.api.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandRegistryTest {

  @Test
  @DisplayName(
      "the standard registry holds the seven commands, each option named as Discord requires")
  void standardCommands() {
    try (var fx = new CommandFixture("hosts: {web1: {address: 127.0.0.1}}\n")) {
      var registry = CommandRegistry.standard(fx.context);
      assertThat(registry.all())
          .extracting(c -> c.spec().name())
          .containsExactly(
              "status",
              "alerts",
              "ack",
              "silence",
              "probe",
              "graph",
              "maintenance",
              "failover",
              "restart");
      for (Command c : registry.all()) {
        var options =
            c.spec().subcommands().isEmpty()
                ? c.spec().options()
                : c.spec().subcommands().stream().flatMap(s -> s.options().stream()).toList();
        assertThat(options)
            .extracting(OptionSpec::name)
            .allMatch(n -> n.matches("[a-z0-9_-]{1,32}"));
        assertThat(c.spec().description().length()).isBetween(1, 100);
      }
    }
  }

  @Test
  @DisplayName("'+N more' keeps whole lines, the first ones, within the limit")
  void linesWithMore() {
    var lines = List.of("aaaa", "bbbb", "cccc", "dddd");
    assertThat(Limits.lines(lines, 100)).isEqualTo("aaaa\nbbbb\ncccc\ndddd");
    assertThat(Limits.lines(lines, 20)).isEqualTo("aaaa\nbbbb\n+2 more");
    assertThat(Limits.lines(lines, 20).length()).isLessThanOrEqualTo(20);
    assertThat(Limits.cut("abcdef", 4)).isEqualTo("abc…");
  }

  @Test
  @DisplayName("last results keep the newest result of each probe of a target")
  void lastResults() {
    var last = new LastResults();
    last.onResult(result("web1", "ping", 20, true));
    last.onResult(result("web1", "ping", 10, false)); // late arrival of an older run
    last.onResult(result("web1", "disk", 5, true));
    assertThat(last.of("web1"))
        .extracting(ProbeResult::probe, ProbeResult::ok)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("disk", true),
            org.assertj.core.groups.Tuple.tuple("ping", true));
    assertThat(last.of("db1")).isEmpty();
  }

  private static ProbeResult result(String target, String probe, int second, boolean ok) {
    return new ProbeResult(
        target,
        probe,
        probe,
        Instant.EPOCH.plusSeconds(second),
        Duration.ZERO,
        ok ? ProbeResult.Status.OK : ProbeResult.Status.FAILED,
        "",
        List.of());
  }
}
