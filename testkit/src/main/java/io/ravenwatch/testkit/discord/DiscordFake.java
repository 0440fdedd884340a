package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A protocol fake of Discord on loopback that the real JDA logs in to: REST ({@code /api/v10/}) on
 * a JDK HTTP server and the gateway on a WebSocket server, serving one {@link FakeGuild}. It
 * records what the bot registers and posts, enforces Discord's message limits, the 3 s interaction
 * deadline, channel existence and permissions, and lets a test play the users (slash commands,
 * autocomplete, button clicks) and the outages (gateway drops, REST 503s or refused connections).
 *
 * <p>Pointing JDA at it (plain http and ws, no compression):
 *
 * <pre>{@code
 * try (DiscordFake fake = DiscordFake.start(FakeGuild.of("100", "ops").withChannel("200", "alerts"))) {
 *   JDA jda = JDABuilder.createLight(fake.token())
 *       .setRestConfig(new RestConfig().setBaseUrl(fake.restBaseUrl()))
 *       .setSessionController(new SessionControllerAdapter() {
 *         @Override public String getGateway() { return fake.gatewayUrl(); }
 *       })
 *       .setCompression(Compression.NONE)
 *       .build()
 *       .awaitReady();
 *   // … the bot registers commands and listens …
 *   SlashResult result = fake.slash("400", "status", Map.of());
 *   assertThat(result.ephemeral()).isTrue();
 * }
 * }</pre>
 *
 * <p>What it leaves out: voice, DMs, reactions, member chunking, rate limits (no 429), resolved
 * user/role options, and the bot's own messages are not echoed back as MESSAGE_CREATE.
 */
public final class DiscordFake implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(DiscordFake.class);

  /** Discord's: an interaction not acknowledged within this is gone. */
  public static final Duration INTERACTION_DEADLINE = Duration.ofSeconds(3);

  /** An autocomplete choice the bot offered. */
  public record Choice(String name, Object value) {}

  private final FakeGuild guild;
  private final Duration deadline;
  private final Gateway gateway;
  private final MessageStore store;
  private final Commands commands;
  private final Interactions interactions;
  private final Routes routes;
  private final RestServer rest;

  private DiscordFake(FakeGuild guild, Duration deadline, Clock clock) {
    this.guild = guild;
    this.deadline = deadline;
    var ids = new Snowflakes(clock);
    var payloads = new GuildPayloads(guild, clock.instant());
    this.gateway = new Gateway(payloads);
    this.store = new MessageStore(payloads, ids, clock, this::attachmentBase);
    this.commands = new Commands(ids, guild.bot().applicationId());
    this.interactions = new Interactions(payloads, store, ids, deadline);
    this.routes = new Routes(payloads, store, commands, interactions, ids, gateway);
    this.rest = new RestServer(routes, guild.bot().token());
    rest.attachments(store);
  }

  /** Starts the fake on free loopback ports with Discord's 3 s interaction deadline. */
  public static DiscordFake start(FakeGuild guild) {
    return start(guild, INTERACTION_DEADLINE);
  }

  /**
   * Starts the fake; a shorter {@code interactionDeadline} lets a test show a late answer being
   * refused without waiting 3 s.
   */
  public static DiscordFake start(FakeGuild guild, Duration interactionDeadline) {
    var fake = new DiscordFake(guild, interactionDeadline, Clock.systemUTC());
    try {
      fake.rest.start();
      fake.gateway.startAndWait();
    } catch (RuntimeException e) {
      fake.close();
      throw e;
    }
    logger.info(
        "Discord fake for guild {} at {} and {}",
        guild.id(),
        fake.restBaseUrl(),
        fake.gatewayUrl());
    return fake;
  }

  /** For {@code RestConfig.setBaseUrl}: {@code http://127.0.0.1:PORT/api/v10/}. */
  public String restBaseUrl() {
    return "http://127.0.0.1:" + rest.port() + "/api/v10/";
  }

  /** For {@code SessionController.getGateway()}: {@code ws://127.0.0.1:PORT}. */
  public String gatewayUrl() {
    return gateway.url();
  }

  /** The bot token the fake accepts. */
  public String token() {
    return guild.bot().token();
  }

  public FakeGuild guild() {
    return guild;
  }

  // --- what the bot registered and posted ---

  /** Registered commands: the guild's, then global ones. */
  public List<RegisteredCommand> commands() {
    return commands.all();
  }

  /** The command a user of the guild would run by this name. */
  public Optional<RegisteredCommand> command(String name) {
    return Optional.ofNullable(commands.find(guild.id(), name));
  }

  /** The messages in a channel or thread, oldest first, each with all its versions. */
  public List<FakeMessage> messages(String channelId) {
    return store.messages(channelId);
  }

  /** Any message the bot posted (ephemeral ones included), as it is now. */
  public Optional<FakeMessage> message(String messageId) {
    return Optional.ofNullable(store.message(messageId));
  }

  /** The guild scheduled events the bot created, as it sent them (plus id and status). */
  public List<ObjectNode> scheduledEvents() {
    return routes.scheduledEvents();
  }

  /** Every request refused with a 4xx, in order. */
  public List<Rejection> rejections() {
    return rest.rejections();
  }

  /** The refusals for breaking Discord's message limits (400, code 50035). */
  public List<Rejection> limitViolations() {
    return rest.rejections().stream().filter(Rejection::limitViolation).toList();
  }

  // --- users acting ---

  /** Runs a slash command in the guild's first channel and waits for the bot's acknowledgement. */
  public SlashResult slash(String userId, String commandLine, Map<String, ?> options) {
    return slashIn(firstChannel(), userId, commandLine, options);
  }

  /**
   * Runs {@code /commandLine} ("silence add" for a sub command) with the given options as {@code
   * userId} in a channel, and waits until the bot acknowledges it or the deadline passes.
   */
  public SlashResult slashIn(
      String channelId, String userId, String commandLine, Map<String, ?> options) {
    SlashResult result = slashAsync(channelId, userId, commandLine, options);
    result.awaitAnswer(deadline.plusSeconds(1));
    return result;
  }

  /** Dispatches a slash command without waiting (it is buffered while the gateway is down). */
  public SlashResult slashAsync(
      String channelId, String userId, String commandLine, Map<String, ?> options) {
    RegisteredCommand command = requireCommand(commandLine);
    ObjectNode data = CommandData.build(command, commandLine, options, null);
    return dispatchInteraction(2, channelId, userId, data, null);
  }

  /**
   * Types {@code typed} into {@code focusedOption} of a command and returns the choices the bot
   * offers (empty when it did not answer in time).
   */
  public List<Choice> autocomplete(
      String userId, String commandLine, String focusedOption, String typed) {
    return autocomplete(userId, commandLine, Map.of(focusedOption, typed), focusedOption);
  }

  /** Autocomplete with other options already filled in. */
  public List<Choice> autocomplete(
      String userId, String commandLine, Map<String, ?> options, String focusedOption) {
    RegisteredCommand command = requireCommand(commandLine);
    ObjectNode data = CommandData.build(command, commandLine, options, focusedOption);
    SlashResult result = dispatchInteraction(4, firstChannel(), userId, data, null);
    result.awaitAnswer(deadline.plusSeconds(1));
    var choices = new ArrayList<Choice>();
    for (JsonNode c : result.callbackData().map(d -> d.path("choices")).orElse(Json.array())) {
      JsonNode value = c.path("value");
      choices.add(
          new Choice(
              c.path("name").asText(), value.isNumber() ? value.numberValue() : value.asText()));
    }
    return choices;
  }

  /** Clicks the button {@code customId} of a message the bot posted and waits for the answer. */
  public SlashResult click(String userId, String messageId, String customId) {
    FakeMessage message = store.message(messageId);
    if (message == null) {
      throw new IllegalArgumentException("the bot posted no message " + messageId);
    }
    ObjectNode data = Json.object().put("custom_id", customId).put("component_type", 2);
    ObjectNode shown =
        message.ephemeral()
            ? Json.object().put("id", messageId).put("flags", 64)
            : (ObjectNode) message.current().json().deepCopy();
    SlashResult result = dispatchInteraction(3, message.channelId(), userId, data, shown);
    result.awaitAnswer(deadline.plusSeconds(1));
    return result;
  }

  /** Sends any gateway dispatch (buffered for resume while the client is away). */
  public void dispatch(String type, JsonNode data) {
    gateway.dispatch(type, data, null);
  }

  // --- outages ---

  /**
   * Drops the gateway connection with {@code closeCode} (4000 unknown error, or 1006 for a TCP
   * connection that just ends); the client resumes at once.
   */
  public void dropGateway(int closeCode) {
    gateway.drop(closeCode, false);
  }

  /** Drops the gateway connection and refuses new ones until {@link #restoreGateway()}. */
  public void dropGatewayAndRefuse(int closeCode) {
    gateway.drop(closeCode, true);
  }

  public void restoreGateway() {
    gateway.accept();
  }

  /** How many times a client identified (a new session) on the gateway. */
  public int gatewayIdentifies() {
    return gateway.identifies();
  }

  /** How many times a client resumed its session. */
  public int gatewayResumes() {
    return gateway.resumes();
  }

  /** Answers every REST request with 503 for {@code duration}. */
  public void restOutage(Duration duration) {
    rest.unavailable(false, System.nanoTime() + duration.toNanos());
  }

  /** Answers every REST request with 503 until {@link #restRecovered()}. */
  public void restUnavailable() {
    rest.unavailable(true, 0);
  }

  /** How many requests were answered 503 because of an outage. */
  public int restUnavailableAnswers() {
    return rest.unavailableAnswers();
  }

  /** Closes the REST port: connections are refused until {@link #restRecovered()}. */
  public void refuseRest() {
    rest.refuse();
  }

  /** Ends any REST outage: the port listens again (the same one) and answers normally. */
  public void restRecovered() {
    rest.unavailable(false, 0);
    synchronized (rest) {
      if (!rest.listening()) {
        rest.start();
      }
    }
  }

  @Override
  public void close() {
    rest.close();
    try {
      gateway.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private SlashResult dispatchInteraction(
      int type, String channelId, String userId, ObjectNode data, ObjectNode message) {
    Interactions.Pending pending =
        interactions.create(channelId, message == null ? null : message.path("id").asText());
    ObjectNode payload = interactions.payload(pending, type, userId, data, message);
    gateway.dispatch("INTERACTION_CREATE", payload, () -> interactions.delivered(pending));
    return new SlashResult(pending, store);
  }

  private RegisteredCommand requireCommand(String commandLine) {
    String name = commandLine.trim().split("\\s+")[0];
    return command(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the bot registered no command '"
                        + name
                        + "'; registered: "
                        + commands().stream().map(RegisteredCommand::name).toList()));
  }

  private String firstChannel() {
    if (guild.channels().isEmpty()) {
      throw new IllegalStateException("the fake guild has no channel to run commands in");
    }
    return guild.channels().getFirst().id();
  }

  private String attachmentBase() {
    return "http://127.0.0.1:" + rest.port() + "/attachments/";
  }
}
