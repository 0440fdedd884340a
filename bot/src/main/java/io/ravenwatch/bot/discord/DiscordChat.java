package io.ravenwatch.bot.discord;

import io.ravenwatch.bot.chat.ChatCore;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.DiscordConfig;
import io.ravenwatch.bot.chat.audit.AuditLog;
import io.ravenwatch.bot.chat.audit.AuditSinks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat on Discord: logs in with the bot token, checks the guild, channels, permissions and
 * roles of the {@code discord:} section (failing with every problem at once), registers the
 * commands in the guild (guild commands appear at once; global ones take up to an hour), then
 * answers slash commands, autocomplete and button clicks through the chat core, and posts the audit
 * trail to {@code discord.channels.audit} when it is set.
 *
 * <pre>{@code
 * try (DiscordChat chat = DiscordChat.start(setup.discord(), CommandRegistry.standard(context),
 *     List.of(AuditSinks.store(store)), clock, DiscordEndpoints.DISCORD)) {
 *   // … runs until closed …
 * }
 * }</pre>
 */
public final class DiscordChat implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(DiscordChat.class);

  /** How long the login and the first guild data may take. */
  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final JDA jda;
  private final Guild guild;
  private final ChatCore core;
  private final InteractionListener listener;

  private DiscordChat(JDA jda, Guild guild, ChatCore core, InteractionListener listener) {
    this.jda = jda;
    this.guild = guild;
    this.core = core;
    this.listener = listener;
  }

  /**
   * Connects, validates and registers the commands.
   *
   * @param sinks audit destinations besides the audit channel (store, InfluxDB)
   * @param endpoints {@link DiscordEndpoints#DISCORD}, or a protocol fake's in tests
   * @throws DiscordStartException when the token is refused or Discord is not as configured
   */
  public static DiscordChat start(
      DiscordConfig config,
      CommandRegistry registry,
      List<AuditLog.Sink> sinks,
      Clock clock,
      DiscordEndpoints endpoints)
      throws InterruptedException {
    if (!config.hasToken() || config.guild() == null) {
      throw new DiscordStartException(
          List.of("discord.token and discord.guild: both are needed for the Discord chat"));
    }
    // A command Discord cannot take is a bug: found before any connection.
    List<SlashCommandData> commands =
        registry.all().stream().map(Command::spec).map(SlashCommands::of).toList();
    var auditChannel = new AuditChannel();
    var allSinks = new ArrayList<>(sinks);
    if (config.channels().audit() != null) {
      allSinks.add(AuditSinks.channel(auditChannel));
    }
    ChatCore core = ChatCore.assemble(config, registry, allSinks, clock);
    var listener = new InteractionListener(core.dispatcher());
    JDA jda = connect(config, endpoints, listener);
    try {
      List<String> problems = StartupCheck.problems(jda, config);
      if (!problems.isEmpty()) {
        throw new DiscordStartException(problems);
      }
      Guild guild = jda.getGuildById(config.guild());
      register(guild, commands);
      if (config.channels().audit() != null) {
        auditChannel.channel.set(guild.getTextChannelById(config.channels().audit()));
      }
      logger.info(
          "Discord chat ready in guild {} ({}): {} command(s) registered",
          guild.getId(),
          guild.getName(),
          commands.size());
      return new DiscordChat(jda, guild, core, listener);
    } catch (RuntimeException e) {
      listener.close();
      jda.shutdownNow();
      throw e;
    }
  }

  private static JDA connect(
      DiscordConfig config, DiscordEndpoints endpoints, InteractionListener listener)
      throws InterruptedException {
    JDA jda;
    try {
      // The token is only ever revealed to JDA, never logged.
      jda =
          DiscordConnection.builder(config.token().reveal(), endpoints)
              .addEventListeners(listener)
              .build();
    } catch (InvalidTokenException e) {
      listener.close();
      throw new DiscordStartException("discord.token: Discord refused the bot token", e);
    }
    CompletableFuture<Void> ready =
        CompletableFuture.runAsync(
            () -> {
              try {
                jda.awaitReady();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
              }
            },
            runnable -> Thread.ofVirtual().name("discord-login").start(runnable));
    try {
      ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return jda;
    } catch (TimeoutException | ExecutionException e) {
      listener.close();
      jda.shutdownNow();
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new DiscordStartException(
          "discord.token: could not log in to Discord within "
              + READY_TIMEOUT.toSeconds()
              + " s ("
              + cause
              + ")",
          cause);
    } catch (InterruptedException e) {
      listener.close();
      jda.shutdownNow();
      throw e;
    }
  }

  private static void register(Guild guild, List<SlashCommandData> commands) {
    try {
      guild.updateCommands().addCommands(commands).complete();
    } catch (ErrorResponseException e) {
      throw new DiscordStartException(
          "discord.guild: could not register the commands in guild "
              + guild.getId()
              + " (invite the bot with the applications.commands scope): "
              + e.getMeaning(),
          e);
    }
  }

  /** The session, e.g. for the alert notifier to post in the alerts channel. */
  public JDA jda() {
    return jda;
  }

  public Guild guild() {
    return guild;
  }

  /** The chat core the interactions go to. */
  public ChatCore core() {
    return core;
  }

  /** Stops taking interactions, lets those under way answer, then logs out. */
  @Override
  public void close() {
    try {
      listener.close();
      jda.shutdown();
      if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
        jda.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      jda.shutdownNow();
    }
    logger.info("Discord chat stopped");
  }

  /** The audit channel, known once logged in; entries before that are only logged. */
  private static final class AuditChannel implements Consumer<ChatMessage> {
    final AtomicReference<TextChannel> channel = new AtomicReference<>();

    @Override
    public void accept(ChatMessage message) {
      TextChannel c = channel.get();
      if (c != null) {
        // queue(): posts go out in order, without holding up the user's answer.
        c.sendMessage(DiscordMessages.create(message))
            .queue(
                ok -> {},
                e -> logger.warn("could not post to the audit channel: {}", e.toString()));
      }
    }
  }
}
