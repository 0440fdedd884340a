package io.ravenwatch.bot.discord;

import static io.ravenwatch.bot.discord.DiscordBed.ALERTS;
import static io.ravenwatch.bot.discord.DiscordBed.AUDIT;
import static io.ravenwatch.bot.discord.DiscordBed.GUILD;
import static io.ravenwatch.bot.discord.DiscordBed.READ_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.DiscordConfig;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.testkit.discord.DiscordFake;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The start-up checks of the {@code discord:} section against what the bot sees in Discord. */
class DiscordStartupTest {
  static DiscordFake fake;

  @BeforeAll
  static void start() {
    fake = DiscordFake.start(DiscordBed.GUILD_OF_OPS);
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  @Test
  @DisplayName(
      "a read-only alerts channel, an unknown audit channel and an unknown role are all reported")
  void reportsEveryProblemAtOnce() {
    DiscordConfig config =
        DiscordBed.config(fake, READ_ONLY, "100000000000000999", List.of("100000000000000998"));

    assertThatThrownBy(() -> start(config))
        .isInstanceOf(DiscordStartException.class)
        .satisfies(
            e ->
                assertThat(((DiscordStartException) e).problems())
                    .containsExactly(
                        "discord.channels.alerts: expected a text channel of guild "
                            + GUILD
                            + " the bot can post in. Found: "
                            + READ_ONLY
                            + " (missing permission MESSAGE_SEND)",
                        "discord.channels.audit: expected a text channel of guild "
                            + GUILD
                            + " the bot can post in. Found: 100000000000000999 (no such channel)",
                        "discord.roles.view[2]: expected a role of guild "
                            + GUILD
                            + ". Found: 100000000000000998 (no such role)"))
        .hasMessageStartingWith("Discord is not set up as the configuration says:\n  discord.");
    assertThat(fake.commands()).as("nothing registered after a failed start").isEmpty();
  }

  @Test
  @DisplayName("a guild the bot is not in is reported with the guilds it is in")
  void unknownGuild() {
    DiscordConfig ok = DiscordBed.config(fake, ALERTS, AUDIT, List.of());
    var config =
        new DiscordConfig(
            ok.token(),
            "100000000000000111",
            ok.channels(),
            ok.roles(),
            List.of(),
            ok.confirmTimeout(),
            "discord");

    assertThatThrownBy(() -> start(config))
        .isInstanceOf(DiscordStartException.class)
        .hasMessage(
            "Discord is not set up as the configuration says:\n"
                + "  discord.guild: expected a guild the bot is a member of. Found: "
                + "100000000000000111 (the bot is in "
                + GUILD
                + " (ops))");
  }

  @Test
  @DisplayName("a refused token names discord.token and never shows the token")
  void refusedToken() {
    DiscordConfig ok = DiscordBed.config(fake, ALERTS, AUDIT, List.of());
    var config =
        new DiscordConfig(
            Secret.literal("not-the-token"),
            GUILD,
            ok.channels(),
            ok.roles(),
            List.of(),
            ok.confirmTimeout(),
            "discord");

    assertThatThrownBy(() -> start(config))
        .isInstanceOf(DiscordStartException.class)
        .hasMessageContaining("discord.token: Discord refused the bot token")
        .hasMessageNotContaining("not-the-token");
  }

  @Test
  @DisplayName("a valid section starts, and the chat stops cleanly")
  void validSectionStarts() throws Exception {
    // Its own fake: the others check that nothing was registered.
    try (DiscordFake own = DiscordFake.start(DiscordBed.GUILD_OF_OPS);
        DiscordChat chat = start(DiscordBed.config(own, ALERTS, AUDIT, List.of()), own)) {
      assertThat(chat.guild().getId()).isEqualTo(GUILD);
      assertThat(own.command("status")).isPresent();
    }
  }

  private static DiscordChat start(DiscordConfig config) throws InterruptedException {
    return start(config, fake);
  }

  private static DiscordChat start(DiscordConfig config, DiscordFake fake)
      throws InterruptedException {
    var fx = new io.ravenwatch.bot.command.CommandFixture("hosts: {web1: {address: 127.0.0.1}}\n");
    try {
      return DiscordChat.start(
          config,
          CommandRegistry.standard(fx.context),
          List.of(),
          Clock.systemUTC(),
          DiscordBed.endpoints(fake));
    } finally {
      fx.close();
    }
  }
}
