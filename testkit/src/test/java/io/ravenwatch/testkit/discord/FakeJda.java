package io.ravenwatch.testkit.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a real JDA that talks to a {@link DiscordFake} (the bot module has its own factory). */
final class FakeJda {
  private static final Logger logger = LoggerFactory.getLogger(FakeJda.class);

  private FakeJda() {}

  static JDABuilder builder(DiscordFake fake, String token) {
    return JDABuilder.createLight(token)
        .setRestConfig(new RestConfig().setBaseUrl(fake.restBaseUrl()))
        .setSessionController(
            new SessionControllerAdapter() {
              @Override
              public String getGateway() {
                return fake.gatewayUrl();
              }
            })
        .setCompression(Compression.NONE);
  }

  static JDA login(DiscordFake fake, Object... listeners) throws InterruptedException {
    long started = System.nanoTime();
    JDA jda = builder(fake, fake.token()).addEventListeners(listeners).build().awaitReady();
    logger.info("JDA logged in to the fake in {} ms", (System.nanoTime() - started) / 1_000_000);
    return jda;
  }
}
