package io.ravenwatch.bot.discord.alert;

import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Notifier;
import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.engine.AlertsConfig;
import io.ravenwatch.alerts.engine.AlertsSection;
import io.ravenwatch.alerts.notify.NotifierRegistry;
import io.ravenwatch.alerts.notify.NotifierResources;
import io.ravenwatch.alerts.rule.RuleLoader;
import io.ravenwatch.alerts.store.InMemoryAlertStore;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.DiscordConfig;
import io.ravenwatch.bot.chat.DiscordSection;
import io.ravenwatch.bot.discord.DiscordChat;
import io.ravenwatch.bot.discord.DiscordConnection;
import io.ravenwatch.bot.discord.DiscordEndpoints;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import io.ravenwatch.probes.schedule.PollObserver;
import io.ravenwatch.probes.schedule.PollScheduler;
import io.ravenwatch.testkit.MutableClock;
import io.ravenwatch.testkit.discord.DiscordFake;
import io.ravenwatch.testkit.discord.FakeGuild;
import io.ravenwatch.testkit.discord.FakeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import okhttp3.OkHttpClient;

/**
 * The alert channel end to end: a Discord fake, the real JDA logged in to it, and a real alert
 * engine (in-memory store, fake clock) whose {@code discord} receiver is bound from YAML through
 * the bot's notifier registry. {@link #restart()} starts a new JDA and engine on the same store.
 */
final class AlertChannel implements AutoCloseable {
  static final String GUILD_ID = "100000000000000100";
  static final String ALERTS = "100000000000000200";
  static final String ONCALL = "100000000000000300";
  static final String ALICE = "100000000000000400";
  static final FakeGuild GUILD =
      FakeGuild.of(GUILD_ID, "ops")
          .withChannel(ALERTS, "alerts")
          .withRole(ONCALL, "oncall")
          .withMember(ALICE, "alice", ONCALL);

  final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
  final InMemoryAlertStore store = new InMemoryAlertStore();
  final RavenwatchConfig config;
  final DiscordFake fake;
  final OkHttpClient http = new OkHttpClient();
  final ProbeResources probeResources = new ProbeResources(clock);
  private final boolean withChat;
  JDA jda;
  DiscordChat chat;
  PollScheduler scheduler;
  DiscordLink link;
  Map<String, Notifier> notifiers;
  AlertEngine engine;

  /**
   * @param alertsYaml the {@code alerts:} section (route and receivers)
   */
  AlertChannel(String alertsYaml) throws InterruptedException {
    this(alertsYaml, false);
  }

  /**
   * @param withChat log in through the bot's {@link DiscordChat} (commands and buttons answered by
   *     the real dispatcher over this engine), else through a bare JDA
   */
  AlertChannel(String alertsYaml, boolean withChat) throws InterruptedException {
    this.withChat = withChat;
    String yaml =
        """
        hosts:
          web1: {address: 127.0.0.1, region: eu-west, probes: [{type: ping}]}
        discord:
          guild: "%s"
          channels: {alerts: "%s"}
        """
                .formatted(GUILD_ID, ALERTS)
            + alertsYaml;
    config =
        ConfigLoader.parse(
            yaml,
            "test.yml",
            Map.of(),
            ProbeRegistry.standard(),
            List.of(AlertsSection.section(Setup.notifierTypes()), DiscordSection.SECTION));
    fake = DiscordFake.start(GUILD);
    try {
      start();
    } catch (InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void start() throws InterruptedException {
    AlertsConfig alerts = config.section(AlertsSection.SECTION);
    // The notifiers exist before the bot logs in, as in the application: the link connects later.
    link = new DiscordLink(config.section(DiscordSection.SECTION).channels().alerts());
    notifiers =
        NotifierRegistry.build(
            alerts.receivers(),
            new NotifierResources(clock, System.out, http).withService(DiscordLink.class, link));
    engine =
        AlertEngine.start(
            alerts,
            RuleLoader.standard().load((java.nio.file.Path) null, false),
            config.inventory(),
            store,
            notifiers,
            config.influx(),
            clock);
    var endpoints = new DiscordEndpoints(fake.restBaseUrl(), fake.gatewayUrl());
    if (withChat) {
      scheduler =
          new PollScheduler(
              config.inventory().targets(),
              ProbeRegistry.standard(),
              probeResources,
              r -> {},
              PollObserver.NONE,
              PollScheduler.Settings.defaults());
      var context = new BotContext(clock, config, engine, scheduler);
      var oncall = List.of(ONCALL);
      var discord =
          new DiscordConfig(
              Secret.literal(fake.token()),
              GUILD_ID,
              new DiscordConfig.Channels(ALERTS, null, null),
              new DiscordConfig.Roles(oncall, oncall, oncall, oncall, oncall, oncall),
              List.of(),
              Duration.ofSeconds(60),
              "discord");
      chat =
          DiscordChat.start(
              discord, CommandRegistry.standard(context), List.of(), clock, endpoints);
      jda = chat.jda();
    } else {
      jda = DiscordConnection.connect(fake.token(), endpoints);
    }
    link.connect(jda);
  }

  /** Ravenwatch stopped and started again: a new JDA session and engine, the same store. */
  void restart() throws InterruptedException {
    stop();
    start();
  }

  DiscordNotifier notifier() {
    return (DiscordNotifier) notifiers.get("discord");
  }

  /**
   * An alert of {@code rule} on {@code target} fires now, with the annotations a rule gives.
   *
   * @return its fingerprint
   */
  String fire(String rule, Severity severity, String target, double value, String... extra) {
    return observe(rule, severity, target, true, value, extra);
  }

  void clear(String rule, Severity severity, String target, String... extra) {
    observe(rule, severity, target, false, 0, extra);
  }

  private String observe(
      String rule,
      Severity severity,
      String target,
      boolean active,
      double value,
      String... extra) {
    var labels = new LinkedHashMap<String, String>();
    labels.put("alertname", rule);
    labels.put("severity", severity.name().toLowerCase(Locale.ROOT));
    labels.put("source", target);
    labels.put("region", "eu-west");
    for (int i = 0; i + 1 < extra.length; i += 2) {
      labels.put(extra[i], extra[i + 1]);
    }
    var annotations = new HashMap<String, String>();
    annotations.put("summary", target + " is down");
    annotations.put("description", target + " does not answer ping: timeout");
    annotations.put("runbook", "https://wiki.example.org/runbooks/" + rule);
    annotations.put("threshold", "0");
    annotations.put("measurement", "ping");
    var observation =
        new Observation(
            rule,
            severity,
            Duration.ZERO,
            Duration.ZERO,
            Labels.of(labels),
            active,
            active ? value : null,
            annotations,
            clock.instant());
    engine.observe(observation);
    return observation.fingerprint();
  }

  List<FakeMessage> channelMessages() {
    return fake.messages(ALERTS);
  }

  /** The contents of the incident thread of a message, oldest first. */
  List<String> thread(FakeMessage message) {
    String thread = fake.message(message.id()).orElseThrow().threadId();
    return thread == null
        ? List.of()
        : fake.messages(thread).stream().map(FakeMessage::content).toList();
  }

  private void stop() {
    if (link != null) {
      link.disconnect();
    }
    if (chat != null) {
      chat.close();
      chat = null;
    } else if (jda != null) {
      jda.shutdownNow();
    }
    if (engine != null) {
      engine.close();
    }
    if (scheduler != null) {
      scheduler.close();
      scheduler = null;
    }
  }

  @Override
  public void close() {
    stop();
    probeResources.close();
    fake.close();
    http.dispatcher().executorService().shutdown();
  }
}
