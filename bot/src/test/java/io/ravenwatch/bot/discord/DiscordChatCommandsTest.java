package io.ravenwatch.bot.discord;

import static io.ravenwatch.bot.discord.DiscordBed.ALERTS;
import static io.ravenwatch.bot.discord.DiscordBed.ALICE;
import static io.ravenwatch.bot.discord.DiscordBed.BOB;
import static io.ravenwatch.bot.discord.DiscordBed.GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.testkit.discord.DiscordFake;
import io.ravenwatch.testkit.discord.FakeMessage;
import io.ravenwatch.testkit.discord.RegisteredCommand;
import io.ravenwatch.testkit.discord.SlashResult;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every command through Discord: the real JDA against the protocol fake, a real alert engine. */
class DiscordChatCommandsTest {
  static final ExtraCommands.Sloth SLOTH = new ExtraCommands.Sloth();
  static ServerSocket listening;
  static DiscordBed bed;
  static DiscordFake fake;

  @BeforeAll
  static void start() throws Exception {
    listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    bed =
        new DiscordBed(
            """
            hosts:
              web1:
                address: 127.0.0.1
                probes:
                  - {type: net_response, name: api, port: %d}
              db1:
                address: 127.0.0.1
            """
                .formatted(listening.getLocalPort()),
            fx ->
                CommandRegistry.standard(fx.context)
                    .register(new ExtraCommands.Boom())
                    .register(new ExtraCommands.Big())
                    .register(SLOTH));
    fake = bed.fake;
  }

  @AfterAll
  static void stop() throws Exception {
    bed.close();
    listening.close();
  }

  @Test
  @DisplayName("the commands are registered in the guild with their subcommands and options")
  void registersCommandsPerGuild() {
    assertThat(fake.commands())
        .extracting(RegisteredCommand::name)
        .containsExactlyInAnyOrder(
            "status",
            "alerts",
            "ack",
            "silence",
            "probe",
            "graph",
            "maintenance",
            "failover",
            "restart",
            "boom",
            "big",
            "sloth");
    assertThat(fake.commands()).allSatisfy(c -> assertThat(c.guildId()).isEqualTo(GUILD));
    var restartTarget = fake.command("restart").orElseThrow().option("target").orElseThrow();
    assertThat(restartTarget.required()).isTrue();
    assertThat(restartTarget.autocomplete()).isTrue();
    RegisteredCommand silence = fake.command("silence").orElseThrow();
    assertThat(silence.subcommands()).containsExactly("add", "list", "remove");
    var matchers = silence.option("add").orElseThrow().option("matchers").orElseThrow();
    assertThat(matchers.required()).isTrue();
    assertThat(matchers.autocomplete()).isFalse();
    assertThat(silence.option("remove").orElseThrow().option("id").orElseThrow().autocomplete())
        .isTrue();
    var alert = fake.command("ack").orElseThrow().option("alert").orElseThrow();
    assertThat(alert.type()).isEqualTo(3);
    assertThat(alert.required()).isTrue();
    assertThat(alert.autocomplete()).isTrue();
    var dryRun = fake.command("failover").orElseThrow().option("dry_run").orElseThrow();
    assertThat(dryRun.type()).isEqualTo(5); // BOOLEAN
    assertThat(dryRun.required()).isFalse();
    var range = fake.command("graph").orElseThrow().option("range").orElseThrow();
    assertThat(range.choices()).isNotEmpty();
    assertThat(range.autocomplete()).isFalse();
    assertThat(range.required()).isFalse();
  }

  @Test
  @DisplayName("'/status' answers publicly with every target")
  void status() {
    SlashResult result = fake.slash(ALICE, "status", Map.of());

    assertThat(result.callbackType()).isEqualTo(SlashResult.REPLY);
    assertThat(result.ephemeral()).isFalse();
    assertThat(result.original().orElseThrow().embeds().getFirst().title())
        .isEqualTo("Status: all 2 targets");
    assertThat(fake.messages(ALERTS))
        .extracting(FakeMessage::id)
        .contains(result.original().orElseThrow().id());
  }

  @Test
  @DisplayName("'/alerts' lists the firing alerts; an unknown severity gets a private reason")
  void alerts() {
    bed.fx.fire("host_down", Severity.CRITICAL, "db1", "db1 is down");

    SlashResult result = fake.slash(ALICE, "alerts", Map.of("severity", "critical"));

    FakeMessage.Embed embed = result.original().orElseThrow().embeds().getFirst();
    assertThat(embed.title()).isEqualTo("Active critical alerts (1)");
    assertThat(embed.description()).contains("db1 is down");
    assertThat(result.ephemeral()).isFalse();

    SlashResult bad = fake.slash(ALICE, "alerts", Map.of("severity", "apocalyptic"));
    assertThat(bad.ephemeral()).isTrue();
    assertThat(bad.content()).isEqualTo("`severity` must be one of critical, warning, info.");
  }

  @Test
  @DisplayName("'/ack' acknowledges an alert with a note; an unknown alert gets a private reason")
  void ack() {
    String fingerprint =
        bed.fx.fire(
            "disk_usage_high", Severity.WARNING, "web1", "web1: / is 95% full", "path", "/");

    SlashResult result = fake.slash(ALICE, "ack", Map.of("alert", fingerprint, "note", "on it"));

    FakeMessage.Embed embed = result.original().orElseThrow().embeds().getFirst();
    assertThat(embed.title()).isEqualTo("alice acknowledged an alert");
    assertThat(embed.description()).contains("on it").contains("web1: / is 95% full");
    assertThat(result.ephemeral()).isFalse();

    SlashResult unknown = fake.slash(ALICE, "ack", Map.of("alert", "nothing-like-this"));
    assertThat(unknown.ephemeral()).isTrue();
    assertThat(unknown.content()).startsWith("No active alert or group `nothing-like-this`");
  }

  @Test
  @DisplayName(
      "'/silence add', 'list' and 'remove' round trip; a bad duration gets a private reason")
  void silence() {
    SlashResult added =
        fake.slash(
            ALICE,
            "silence add",
            Map.of("matchers", "source=db1", "comment", "replacing a disk", "duration", "2h"));
    FakeMessage.Embed embed = added.original().orElseThrow().embeds().getFirst();
    assertThat(embed.title()).isEqualTo("🔇 alice added a silence");
    var id = Pattern.compile("Id: `([^`]+)`").matcher(embed.description());
    assertThat(id.find()).isTrue();

    SlashResult list = fake.slash(ALICE, "silence list", Map.of());
    assertThat(list.original().orElseThrow().embeds().getFirst().description())
        .contains(id.group(1))
        .contains("replacing a disk");

    SlashResult removed = fake.slash(ALICE, "silence remove", Map.of("id", id.group(1)));
    assertThat(removed.content()).startsWith("🔊 alice ended silence `" + id.group(1) + "`");

    SlashResult bad =
        fake.slash(
            ALICE,
            "silence add",
            Map.of("matchers", "source=db1", "comment", "x", "duration", "forever"));
    assertThat(bad.ephemeral()).isTrue();
    assertThat(bad.content()).isNotBlank();
  }

  @Test
  @DisplayName(
      "'/probe' is slow: deferred at once, then the placeholder is edited into the results")
  void probeDefersThenEdits() {
    SlashResult result = fake.slash(ALICE, "probe", Map.of("target", "web1"));

    assertThat(result.answered()).as("acknowledged within Discord's 3 s").isTrue();
    assertThat(result.callbackType()).isEqualTo(SlashResult.DEFERRED);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> result.original().map(m -> !m.embeds().isEmpty()).orElse(false));
    FakeMessage original = result.original().orElseThrow();
    assertThat(original.embeds().getFirst().title()).isEqualTo("web1: all 1 probes ok");
    assertThat(original.versions()).hasSize(2);
    assertThat(result.rejections()).isEmpty();
  }

  @Test
  @DisplayName("a command slower than it declared is deferred by the safety net, then answered")
  void safetyNetDefers() {
    SlashResult result = fake.slash(ALICE, "sloth", Map.of());

    assertThat(result.answered()).as("acknowledged within Discord's 3 s").isTrue();
    assertThat(result.callbackType()).isEqualTo(SlashResult.DEFERRED);
    SLOTH.release.countDown();
    await().atMost(Duration.ofSeconds(5)).until(() -> result.content().equals("finally"));
    assertThat(result.rejections()).isEmpty();
  }

  @Test
  @DisplayName("'/graph' without InfluxDB: the reason is private even though the command deferred")
  void graphWithoutInflux() {
    SlashResult result = fake.slash(ALICE, "graph", Map.of("target", "web1", "metric", "cpu"));

    assertThat(result.callbackType()).isEqualTo(SlashResult.DEFERRED);
    await().atMost(Duration.ofSeconds(10)).until(() -> result.followUps().size() == 1);
    FakeMessage reason = result.followUps().getFirst();
    assertThat(reason.ephemeral()).isTrue();
    assertThat(reason.content())
        .isEqualTo("Graphs need InfluxDB: set influxdb.url in the configuration.");
    await().atMost(Duration.ofSeconds(5)).until(() -> result.original().isEmpty());
    assertThat(fake.messages(ALERTS)).noneMatch(m -> m.content().contains("InfluxDB"));
    assertThat(result.rejections()).isEmpty();
  }

  @Test
  @DisplayName("an answer far over Discord's limits is cut to fit, never rejected")
  void oversizedAnswerFits() {
    int before = fake.limitViolations().size();

    SlashResult result = fake.slash(ALICE, "big", Map.of());

    assertThat(result.callbackType()).isEqualTo(SlashResult.REPLY);
    assertThat(fake.limitViolations()).hasSize(before);
    FakeMessage message = result.original().orElseThrow();
    assertThat(message.content()).hasSize(2000).endsWith("…");
    assertThat(message.embeds()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
    assertThat(message.embeds().getFirst().fields()).hasSizeLessThanOrEqualTo(25);
    assertThat(message.buttons()).hasSize(25);
    assertThat(message.current().actionRows()).hasSize(5).allSatisfy(r -> assertThat(r).hasSize(5));
  }

  @Test
  @DisplayName("a command that breaks answers privately with an error id, never a stack trace")
  void bugGetsAnErrorId() {
    SlashResult result = fake.slash(ALICE, "boom", Map.of());

    assertThat(result.ephemeral()).isTrue();
    var id =
        Pattern.compile("Something went wrong \\(error id ([^)]+)\\)\\. The details are in .*")
            .matcher(result.content());
    assertThat(id.matches()).as(result.content()).isTrue();
    assertThat(result.content()).doesNotContain("secret").doesNotContain("Exception");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                bed.audit.stream()
                    .anyMatch(e -> e.action().equals("/boom") && id.group(1).equals(e.errorId())));
  }

  @Test
  @DisplayName("autocomplete offers targets to those who may view, nothing to others")
  void autocomplete() {
    var choices = fake.autocomplete(ALICE, "probe", "target", "we");
    assertThat(choices)
        .extracting(DiscordFake.Choice::value)
        .contains("web1")
        .doesNotContain("db1");

    assertThat(fake.autocomplete(BOB, "probe", "target", "we")).isEmpty();
  }

  @Test
  @DisplayName("every command's audit entry carries the caller's id and roles at that moment")
  void auditedWithRoles() {
    fake.slash(ALICE, "silence list", Map.of());

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                bed.audit.stream()
                    .anyMatch(
                        e ->
                            e.action().equals("/silence list")
                                && e.callerId().equals(ALICE)
                                && e.callerName().equals("alice")
                                && e.roles().contains(DiscordBed.ONCALL)
                                && e.outcome() == AuditEntry.Outcome.OK));
  }
}
