package io.ravenwatch.bot.health;

import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;

/**
 * The Discord gateway session is connected, when a token is configured; without one the chat runs
 * on the console and there is nothing to check.
 */
public final class DiscordCheck implements HealthCheck {
  private final boolean configured;
  private final Supplier<Optional<JDA.Status>> status;

  /**
   * @param configured whether {@code discord.token} is set
   * @param status the JDA session's status, empty until the bot has logged in
   */
  public DiscordCheck(boolean configured, Supplier<Optional<JDA.Status>> status) {
    this.configured = configured;
    this.status = status;
  }

  @Override
  public String name() {
    return "discord";
  }

  @Override
  public CheckResult check() {
    if (!configured) {
      return CheckResult.disabled("no discord.token: the chat runs on the console");
    }
    Optional<JDA.Status> s = status.get();
    if (s.isEmpty()) {
      return CheckResult.down("not logged in yet");
    }
    return s.get() == JDA.Status.CONNECTED
        ? CheckResult.up("gateway connected")
        : CheckResult.down("gateway " + s.get().name().toLowerCase(java.util.Locale.ROOT));
  }
}
