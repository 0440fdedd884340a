package io.ravenwatch.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.bot.Ravenwatch;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.bot.discord.DiscordChat;
import io.ravenwatch.bot.discord.DiscordEndpoints;
import io.ravenwatch.testkit.discord.DiscordFake;
import io.ravenwatch.testkit.discord.FakeGuild;
import io.ravenwatch.testkit.discord.SlashResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ravenwatch run} with a Discord token: the chat on a real, running Ravenwatch. */
class DiscordSessionTest {
  static final String GUILD = "100000000000000100";
  static final String ALERTS = "100000000000000200";
  static final String AUDIT = "100000000000000201";
  static final String ONCALL = "100000000000000300";
  static final String ALICE = "100000000000000400";

  @TempDir Path dir;

  @Test
  @DisplayName(
      "'/status' in Discord answers from the running application and is audited in its store")
  void discordChatOnARunningRavenwatch() throws Exception {
    var guild =
        FakeGuild.of(GUILD, "ops")
            .withChannel(ALERTS, "alerts")
            .withChannel(AUDIT, "audit")
            .withRole(ONCALL, "oncall")
            .withMember(ALICE, "alice", ONCALL);
    Path file = dir.resolve("ravenwatch.yml");
    Files.writeString(
        file,
        """
        data_dir: data
        hosts:
          web1: {address: 127.0.0.1}
        discord:
          token: ${DISCORD_TOKEN}
          guild: "%s"
          channels: {alerts: "%s", audit: "%s"}
          roles: {view: ["%s"]}
        """
            .formatted(GUILD, ALERTS, AUDIT, ONCALL));
    try (DiscordFake fake = DiscordFake.start(guild)) {
      Setup setup = Setup.load(file, Map.of("DISCORD_TOKEN", fake.token()));
      assertThat(setup.discord().hasToken()).isTrue();
      Clock clock = Clock.systemUTC();
      try (Ravenwatch app = Ravenwatch.start(setup, clock, List.of());
          DiscordChat chat =
              DiscordSession.start(
                  setup, app, clock, new DiscordEndpoints(fake.restBaseUrl(), fake.gatewayUrl()))) {
        SlashResult result = fake.slash(ALICE, "status", Map.of());

        assertThat(result.ephemeral()).isFalse();
        assertThat(result.original().orElseThrow().embeds().getFirst().title())
            .isEqualTo("Status: all 1 targets");
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                () ->
                    app.store().orElseThrow().audit(10).stream()
                        .anyMatch(
                            e ->
                                e.action().equals("/status")
                                    && e.callerId().equals(ALICE)
                                    && e.outcome() == AuditEntry.Outcome.OK));
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                () ->
                    fake.messages(AUDIT).stream()
                        .anyMatch(m -> m.content().startsWith("🛡 alice: /status → ok")));
      }
    }
  }
}
