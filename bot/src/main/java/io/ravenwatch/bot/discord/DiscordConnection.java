package io.ravenwatch.bot.discord;

import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * Builds the JDA session Ravenwatch uses: only the intents a slash-command bot needs, members
 * cached (for role checks and the audit trail), reconnects and resumes handled by JDA, and the
 * endpoints configurable so tests drive the real JDA against a protocol fake on loopback.
 *
 * <pre>{@code
 * JDA jda = DiscordConnection.builder(token, DiscordEndpoints.DISCORD)
 *     .addEventListeners(listener)
 *     .build()
 *     .awaitReady();
 * }</pre>
 */
public final class DiscordConnection {
  private DiscordConnection() {}

  /** A builder with Ravenwatch's settings; the caller adds listeners and builds. */
  public static JDABuilder builder(String token, DiscordEndpoints endpoints) {
    JDABuilder builder =
        JDABuilder.createLight(token, List.of(GatewayIntent.GUILD_MEMBERS))
            .setMemberCachePolicy(MemberCachePolicy.ALL)
            .setChunkingFilter(ChunkingFilter.NONE)
            .setAutoReconnect(true);
    if (!endpoints.isDiscord()) {
      String gateway = endpoints.gatewayUrl();
      builder
          .setRestConfig(new RestConfig().setBaseUrl(endpoints.restBaseUrl()))
          .setSessionController(
              new SessionControllerAdapter() {
                @Override
                public String getGateway() {
                  return gateway;
                }
              })
          // The fake speaks plain JSON frames; zlib-stream is for Discord's bandwidth, not ours.
          .setCompression(Compression.NONE);
    }
    return builder;
  }

  /** Logs in and waits until the guilds are loaded. */
  public static JDA connect(String token, DiscordEndpoints endpoints, Object... listeners)
      throws InterruptedException {
    return builder(token, endpoints).addEventListeners(listeners).build().awaitReady();
  }
}
