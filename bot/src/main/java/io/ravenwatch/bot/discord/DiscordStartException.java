package io.ravenwatch.bot.discord;

import java.util.List;

/**
 * Discord is not as the {@code discord:} section says (unknown guild, channel or role, a missing
 * permission, a refused token): every problem found, each naming the key to fix.
 */
public final class DiscordStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public DiscordStartException(List<String> problems) {
    super("Discord is not set up as the configuration says:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public DiscordStartException(String problem, Throwable cause) {
    super("Discord is not set up as the configuration says:\n  " + problem, cause);
    this.problems = List.of(problem);
  }

  /** Each problem: {@code discord.channels.alerts: expected …. Found: … (…)}. */
  public List<String> problems() {
    return problems;
  }
}
