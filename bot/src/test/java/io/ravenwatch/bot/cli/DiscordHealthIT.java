package io.ravenwatch.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.bot.Ravenwatch;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.bot.discord.DiscordChat;
import io.ravenwatch.bot.discord.DiscordEndpoints;
import io.ravenwatch.bot.health.HealthServer;
import io.ravenwatch.testkit.discord.DiscordFake;
import io.ravenwatch.testkit.discord.FakeGuild;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Readiness follows the Discord gateway, with the real JDA logged in to the Discord protocol fake,
 * wired as {@code ravenwatch run} wires it.
 */
class DiscordHealthIT {
  static final String GUILD = "100000000000000100";
  static final String ALERTS = "100000000000000200";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName(
      "with a token, ready is 503 until the bot has logged in, 200 while the gateway is"
          + " connected, 503 naming discord while it is down, 200 once it is back")
  void readyFollowsTheGateway() throws Exception {
    var guild = FakeGuild.of(GUILD, "ops").withChannel(ALERTS, "alerts");
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
          channels: {alerts: "%s"}
        health: {listen: "127.0.0.1:0"}
        """
            .formatted(GUILD, ALERTS));
    try (DiscordFake fake = DiscordFake.start(guild)) {
      Setup setup = Setup.load(file, Map.of("DISCORD_TOKEN", fake.token()));
      Clock clock = Clock.systemUTC();
      try (Ravenwatch app = Ravenwatch.start(setup, clock, List.of())) {
        URI ready = app.health().orElseThrow().baseUri().resolve(HealthServer.READY);

        HttpResponse<String> before = get(ready);
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(before.body())
            .contains(
                "{\"name\":\"discord\",\"status\":\"down\",\"detail\":\"not logged in yet\"}");

        try (DiscordChat chat =
            DiscordSession.start(
                setup, app, clock, new DiscordEndpoints(fake.restBaseUrl(), fake.gatewayUrl()))) {
          app.discordLink().connect(chat.jda());
          HttpResponse<String> connected = get(ready);
          assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
          assertThat(connected.body())
              .contains(
                  "{\"name\":\"discord\",\"status\":\"up\",\"detail\":\"gateway connected\"}");

          fake.dropGatewayAndRefuse(4000);
          await()
              .atMost(Duration.ofSeconds(10))
              .untilAsserted(
                  () -> {
                    HttpResponse<String> dropped = get(ready);
                    assertThat(dropped.statusCode()).isEqualTo(503);
                    assertThat(dropped.body())
                        .contains(
                            "{\"name\":\"discord\",\"status\":\"down\",\"detail\":\"gateway ");
                  });

          fake.restoreGateway();
          await()
              .atMost(Duration.ofSeconds(30))
              .untilAsserted(() -> assertThat(get(ready).statusCode()).isEqualTo(200));
        } finally {
          app.discordLink().disconnect();
        }
      }
    }
  }
}
