package io.ravenwatch.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.bot.Ravenwatch;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.bot.discord.DiscordChat;
import io.ravenwatch.bot.discord.DiscordEndpoints;
import io.ravenwatch.testkit.discord.DiscordFake;
import io.ravenwatch.testkit.discord.FakeGuild;
import io.ravenwatch.testkit.discord.FakeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way as it runs: a real probe sees a TCP service go down, the engine fires, the Discord
 * receiver posts to the alerts channel of the fake through the real JDA session the chat logged in
 * with, and when the service is back the same message is edited green.
 */
class DiscordAlertsEndToEndIT {
  static final String GUILD = "100000000000000100";
  static final String ALERTS = "100000000000000200";

  @TempDir Path dir;

  @Test
  @DisplayName("a service going down and back: one Discord message, edited green on resolve")
  void serviceDownAndBackInDiscord() throws Exception {
    int port;
    try (var probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("rules/fast.yml"), "override:\n  service_down_tcp: {for: 0s}\n");
    Path file = dir.resolve("ravenwatch.yml");
    Files.writeString(
        file,
        """
        data_dir: data
        defaults: {interval: 1s, timeout: 500ms, retries: 0}
        services:
          api: {address: 127.0.0.1, region: eu-west, probes: [{type: net_response, port: %d}]}
        alerts:
          rules_dir: rules
          route: {group_wait: 0s, group_interval: 1s, receivers: [discord]}
          receivers:
            discord: {type: discord}
        discord:
          token: ${DISCORD_TOKEN}
          guild: "%s"
          channels: {alerts: "%s"}
        """
            .formatted(port, GUILD, ALERTS));
    var guild = FakeGuild.of(GUILD, "ops").withChannel(ALERTS, "alerts");
    try (DiscordFake fake = DiscordFake.start(guild)) {
      Setup setup = Setup.load(file, Map.of("DISCORD_TOKEN", fake.token()));
      Clock clock = Clock.systemUTC();
      try (Ravenwatch app = Ravenwatch.start(setup, clock, List.of());
          DiscordChat chat =
              DiscordSession.start(
                  setup, app, clock, new DiscordEndpoints(fake.restBaseUrl(), fake.gatewayUrl()))) {
        app.discordLink().connect(chat.jda());

        // The service is down from the start: the alert fires and is posted once.
        await().atMost(Duration.ofSeconds(20)).until(() -> alertMessages(fake).size() == 1);
        FakeMessage fired = alertMessages(fake).getFirst();
        assertThat(fired.embeds().getFirst().title()).contains("service_down_tcp");

        try (var service = listen(port)) {
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> alertMessages(fake).getFirst().edited());
          FakeMessage resolved = alertMessages(fake).getFirst();
          assertThat(alertMessages(fake)).hasSize(1);
          assertThat(resolved.embeds().getFirst().color())
              .isNotEqualTo(fired.embeds().getFirst().color());
          assertThat(resolved.thread()).isPresent();
        }
        assertThat(fake.rejections()).isEmpty();
      }
    }
  }

  private static List<FakeMessage> alertMessages(DiscordFake fake) {
    return fake.messages(ALERTS).stream().filter(m -> !m.embeds().isEmpty()).toList();
  }

  private static ServerSocket listen(int port) {
    try {
      var s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      Thread.ofVirtual()
          .start(
              () -> {
                while (!s.isClosed()) {
                  try (Socket c = s.accept()) {
                    c.getInputStream().read();
                  } catch (IOException e) {
                    // the probe closed its side
                  }
                }
              });
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
