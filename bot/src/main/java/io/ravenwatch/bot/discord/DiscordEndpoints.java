package io.ravenwatch.bot.discord;

import java.util.Objects;

/**
 * Where JDA connects: Discord itself in production, a protocol fake on loopback in tests.
 *
 * @param restBaseUrl the REST base URL, ending in {@code /api/v10/}; null: Discord's
 * @param gatewayUrl the gateway WebSocket URL; null: Discord's
 */
public record DiscordEndpoints(String restBaseUrl, String gatewayUrl) {

  /** The real Discord. */
  public static final DiscordEndpoints DISCORD = new DiscordEndpoints(null, null);

  public DiscordEndpoints {
    if ((restBaseUrl == null) != (gatewayUrl == null)) {
      throw new IllegalArgumentException("give both endpoints or neither");
    }
    if (restBaseUrl != null && !restBaseUrl.endsWith("/api/v10/")) {
      throw new IllegalArgumentException("the REST base URL must end in /api/v10/: " + restBaseUrl);
    }
  }

  public boolean isDiscord() {
    return Objects.isNull(restBaseUrl);
  }
}
