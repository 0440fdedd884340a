package io.ravenwatch.bot.command.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.silence.Matcher;
import io.ravenwatch.alerts.silence.Silence;
import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.command.CommandFixture;
import io.ravenwatch.bot.command.RecordingReply;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SilenceCommandTest {
  private static final String YAML =
      """
      hosts:
        web1: {address: 127.0.0.1, region: eu-west, group: web, tags: {rack: r1}, probes: [{type: ping}]}
      """;

  private final CommandFixture fx = new CommandFixture(YAML);
  private final SilenceCommand silence = new SilenceCommand(fx.context);

  @AfterEach
  void close() {
    fx.close();
  }

  private RecordingReply add(Map<String, String> options) throws Exception {
    return fx.run(silence, "add", options);
  }

  @Test
  @DisplayName("'/silence add' creates a silence from matchers, a duration and a comment")
  void addsSilence() throws Exception {
    fx.fire("disk_usage_high", Severity.WARNING, "web1", "web1: / is 95% full", "path", "/");

    var reply =
        add(
            Map.of(
                "matchers", "source=web1, alertname=~\"disk.*\"",
                "duration", "2h",
                "comment", "swapping the disk"));

    Silence s = fx.engine.silences().list().getFirst();
    assertThat(s.matchers())
        .containsExactly(
            Matcher.eq("source", "web1"), new Matcher("alertname", Matcher.Op.RE, "disk.*"));
    assertThat(s.endsAt()).isEqualTo(fx.clock.instant().plus(Duration.ofHours(2)));
    assertThat(s.createdBy()).isEqualTo("alice");
    assertThat(s.comment()).isEqualTo("swapping the disk");
    assertThat(reply.embed().title()).isEqualTo("🔇 alice added a silence");
    assertThat(reply.embed().description())
        .contains("Mutes 1 active alert now.", "`" + s.id() + "`", "in 2h");
  }

  @Test
  @DisplayName("'/silence add' with an ISO until time ends then")
  void addsUntil() throws Exception {
    add(Map.of("matchers", "source=web1", "until", "2026-11-22T18:30Z", "comment", "patching"));
    assertThat(fx.engine.silences().list().getFirst().endsAt())
        .isEqualTo(Instant.parse("2026-11-22T18:30:00Z"));
  }

  @Test
  @DisplayName(
      "bad input is refused: duration, regex, missing comment, too long, matches everything")
  void badInput() {
    assertThatThrownBy(
            () -> add(Map.of("matchers", "source=web1", "duration", "2 weeks", "comment", "x")))
        .isInstanceOf(CommandException.class)
        .hasMessage("`2 weeks` is not a duration: use e.g. `30m`, `1h`, `1h30m`, `2d`.");
    assertThatThrownBy(
            () -> add(Map.of("matchers", "alertname=~disk(", "duration", "1h", "comment", "x")))
        .isInstanceOf(CommandException.class)
        .hasMessageStartingWith("Bad regex in `alertname=~disk(`: Unclosed group");
    assertThatThrownBy(() -> add(Map.of("matchers", "source=web1", "duration", "1h")))
        .isInstanceOf(CommandException.class)
        .hasMessage("Say why in a comment: others will ask.");
    assertThatThrownBy(
            () -> add(Map.of("matchers", "source=web1", "duration", "31d", "comment", "x")))
        .isInstanceOf(CommandException.class)
        .hasMessageStartingWith("A silence lasts at most 30d");
    assertThatThrownBy(() -> add(Map.of("matchers", "source=web1", "comment", "x")))
        .isInstanceOf(CommandException.class)
        .hasMessage("Give a duration (e.g. `2h`) or an until time.");
    assertThatThrownBy(
            () ->
                add(
                    Map.of(
                        "matchers", "source=web1", "until", "2020-01-01T00:00Z", "comment", "x")))
        .isInstanceOf(CommandException.class)
        .hasMessage("`2020-01-01T00:00Z` is in the past.");
    assertThatThrownBy(
            () -> add(Map.of("matchers", "alertname=~.*", "duration", "1h", "comment", "x")))
        .isInstanceOf(CommandException.class)
        .hasMessageContaining("would silence every alert");
    assertThatThrownBy(
            () -> add(Map.of("matchers", "source web1", "duration", "1h", "comment", "x")))
        .isInstanceOf(CommandException.class)
        .hasMessageStartingWith("Bad matcher: expected one of =, !=, =~, !~ at `web1`");
    assertThat(fx.engine.silences().list()).isEmpty();
  }

  @Test
  @DisplayName(
      "matchers parse like Alertmanager's: braces, quotes, commas inside quotes, all four ops")
  void matcherSyntax() throws Exception {
    assertThat(MatcherParser.parse("{a=\"x,y\", b!=2, c=~\"z{1,3}\", d!~e.*}"))
        .containsExactly(
            Matcher.eq("a", "x,y"),
            new Matcher("b", Matcher.Op.NE, "2"),
            new Matcher("c", Matcher.Op.RE, "z{1,3}"),
            new Matcher("d", Matcher.Op.NRE, "e.*"));
    assertThat(MatcherParser.parse("path=\"C:\\\\\", x=\"say \\\"hi\\\"\""))
        .containsExactly(Matcher.eq("path", "C:\\"), Matcher.eq("x", "say \"hi\""));
  }

  @Test
  @DisplayName("'/silence list' shows active silences with ids; '/silence remove' ends one")
  void listAndRemove() throws Exception {
    add(Map.of("matchers", "source=web1", "duration", "1h", "comment", "deploy"));
    String id = fx.engine.silences().list().getFirst().id();

    String listed = fx.run(silence, "list", Map.of()).embed().description();
    assertThat(listed)
        .contains("`" + id + "`", "source=\"web1\"", "active, ends in 1h", "alice: deploy");
    assertThat(silence.complete("id", id.substring(0, 4))).containsExactly(id);
    assertThat(silence.suggest("id", "deploy", Map.of()).getFirst().label())
        .isEqualTo("source=\"web1\" — deploy");

    String removed = fx.run(silence, "remove", Map.of("id", id)).only().content();
    assertThat(removed).isEqualTo("🔊 alice ended silence `" + id + "` (`source=\"web1\"`).");
    assertThat(fx.engine.silences().list()).isEmpty();
    assertThat(fx.run(silence, "list", Map.of()).embed().description())
        .isEqualTo("No active or pending silence.");
    assertThatThrownBy(() -> fx.run(silence, "remove", Map.of("id", id)))
        .isInstanceOf(CommandException.class)
        .hasMessage("No active or pending silence `" + id + "`.");
  }

  @Test
  @DisplayName("subcommands need SILENCE to change and VIEW to list")
  void capabilities() {
    assertThat(silence.spec().subcommand("add").capability()).isEqualTo(Capability.SILENCE);
    assertThat(silence.spec().subcommand("remove").capability()).isEqualTo(Capability.SILENCE);
    assertThat(silence.spec().subcommand("list").capability()).isEqualTo(Capability.VIEW);
  }

  @Test
  @DisplayName("the 4h button silences exactly that alert: alertname, source and series labels")
  void buttonFourHours() throws Exception {
    String fp =
        fx.fire("disk_usage_high", Severity.WARNING, "web1", "web1: / is 95% full", "path", "/");
    var reply = new RecordingReply();

    silence.onButton(CommandFixture.ALICE, fp + ":4h", reply);

    Silence s = fx.engine.silences().list().getFirst();
    assertThat(s.matchers())
        .containsExactlyInAnyOrder(
            Matcher.eq("alertname", "disk_usage_high"),
            Matcher.eq("path", "/"),
            Matcher.eq("source", "web1"));
    assertThat(s.endsAt()).isEqualTo(fx.clock.instant().plus(Duration.ofHours(4)));
    assertThat(
            s.matches(Labels.of("alertname", "disk_usage_high", "source", "web1", "path", "/var")))
        .isFalse();
    assertThat(reply.embed().description()).contains("Mutes 1 active alert now.");
  }

  @Test
  @DisplayName("'until resolved' is a 30-day silence that ends when its alert resolves")
  void untilResolved() throws Exception {
    String fp = fx.fire("host_down", Severity.CRITICAL, "web1", "web1 is down");
    silence.onButton(CommandFixture.ALICE, fp + ":resolved", new RecordingReply());
    Silence s = fx.engine.silences().list().getFirst();
    assertThat(s.endsAt()).isEqualTo(fx.clock.instant().plus(Duration.ofDays(30)));

    fx.clock.advance(Duration.ofMinutes(5));
    assertThat(UntilResolved.sweep(fx.engine)).as("still firing: the silence holds").isEmpty();

    fx.clear("host_down", Severity.CRITICAL, "web1");
    assertThat(UntilResolved.sweep(fx.engine)).extracting(Silence::id).containsExactly(s.id());
    assertThat(fx.engine.silences().list()).isEmpty();
  }

  @Test
  @DisplayName("a silence button for an alert that is no longer active is refused")
  void buttonForResolvedAlert() {
    String fp = fx.fire("host_down", Severity.CRITICAL, "web1", "web1 is down");
    fx.clear("host_down", Severity.CRITICAL, "web1");
    assertThatThrownBy(
            () -> silence.onButton(CommandFixture.ALICE, fp + ":1h", new RecordingReply()))
        .isInstanceOf(CommandException.class)
        .hasMessage("That alert is not active any more.");
  }
}
