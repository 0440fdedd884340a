package io.ravenwatch.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ravenwatch.alerts.api.Labels;
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
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.DiscordConfig;
import io.ravenwatch.bot.chat.DiscordSection;
import io.ravenwatch.bot.discord.alert.DiscordLink;
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
import io.ravenwatch.testkit.discord.SlashResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code /maintenance} and the Discord outlets through the real JDA logged in to the Discord fake:
 * the announcement lands in the announcements channel, the scheduled window becomes a guild event,
 * and a line for a target goes into the thread of its open incident (found through the alert store,
 * as posted by the real Discord alert receiver).
 */
class MaintenanceDiscordIT {
  static final String GUILD = "100000000000000100";
  static final String ALERTS = "100000000000000200";
  static final String NEWS = "100000000000000203";
  static final String ONCALL = "100000000000000300";
  static final String ALICE = "100000000000000400";

  final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
  final InMemoryAlertStore store = new InMemoryAlertStore();
  final OkHttpClient http = new OkHttpClient();
  final ProbeResources resources = new ProbeResources(clock);
  DiscordFake fake;
  AlertEngine engine;
  PollScheduler scheduler;
  DiscordChat chat;
  DiscordLink link;
  DiscordOutlets outlets;
  DiscordConfig discord;

  @BeforeEach
  void start() throws InterruptedException {
    String yaml =
        """
        hosts:
          web1: {address: 127.0.0.1, region: eu-west, group: web, probes: [{type: ping}]}
          db1: {address: 127.0.0.2, region: eu-west, group: db, probes: [{type: ping}]}
        alerts:
          route: {group_wait: 0s, group_interval: 1s, receivers: [discord]}
          receivers:
            discord: {type: discord}
        """;
    RavenwatchConfig config =
        ConfigLoader.parse(
            yaml,
            "test.yml",
            Map.of(),
            ProbeRegistry.standard(),
            List.of(AlertsSection.section(Setup.notifierTypes()), DiscordSection.SECTION));
    fake =
        DiscordFake.start(
            FakeGuild.of(GUILD, "ops")
                .withChannel(ALERTS, "alerts")
                .withChannel(NEWS, "announcements")
                .withRole(ONCALL, "oncall")
                .withMember(ALICE, "alice", ONCALL));
    var oncall = List.of(ONCALL);
    discord =
        new DiscordConfig(
            Secret.literal(fake.token()),
            GUILD,
            new DiscordConfig.Channels(ALERTS, NEWS, null),
            new DiscordConfig.Roles(oncall, oncall, oncall, oncall, oncall, oncall),
            List.of(),
            Duration.ofSeconds(60),
            "discord");
    AlertsConfig alerts = config.section(AlertsSection.SECTION);
    link = new DiscordLink(ALERTS);
    engine =
        AlertEngine.start(
            alerts,
            RuleLoader.standard().load((Path) null, false),
            config.inventory(),
            store,
            NotifierRegistry.build(
                alerts.receivers(),
                new NotifierResources(clock, System.out, http)
                    .withService(DiscordLink.class, link)),
            config.influx(),
            clock);
    scheduler =
        new PollScheduler(
            config.inventory().targets(),
            ProbeRegistry.standard(),
            resources,
            r -> {},
            PollObserver.NONE,
            PollScheduler.Settings.defaults());
    outlets = new DiscordOutlets(discord, link, engine);
    var context = new BotContext(clock, config, engine, scheduler).withOutlets(outlets);
    chat =
        DiscordChat.start(
            discord,
            CommandRegistry.standard(context),
            List.of(),
            clock,
            DiscordBed.endpoints(fake));
    link.connect(chat.jda());
  }

  @AfterEach
  void stop() {
    if (outlets != null) {
      outlets.close();
    }
    if (chat != null) {
      chat.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (scheduler != null) {
      scheduler.close();
    }
    resources.close();
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  @DisplayName("'/maintenance schedule' posts the announcement and creates a guild event")
  void scheduleAnnouncesAndCreatesEvent() {
    SlashResult plan =
        fake.slash(
            ALICE,
            "maintenance schedule",
            Map.of(
                "scope", "db, web1",
                "start", "2026-11-22T22:00Z",
                "duration", "2h",
                "reason", "postgres upgrade"));
    FakeMessage planMessage = plan.original().orElseThrow();
    assertThat(planMessage.embeds().getFirst().title()).isEqualTo("Schedule a maintenance window?");
    String confirm =
        planMessage.buttons().stream()
            .filter(b -> b.label().equals("Confirm"))
            .findFirst()
            .orElseThrow()
            .customId();

    SlashResult done = fake.click(ALICE, planMessage.id(), confirm);
    assertThat(done.answered()).isTrue();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(fake.messages(NEWS)).hasSize(1));
    FakeMessage.Embed announced = fake.messages(NEWS).getFirst().embeds().getFirst();
    assertThat(announced.title()).isEqualTo("🗓 Maintenance scheduled");
    assertThat(announced.fields().getFirst().value()).isEqualTo("web1, group db (2 targets)");
    assertThat(announced.fields().get(1).value())
        .isEqualTo("2026-11-22 22:00 UTC → 2026-11-23 00:00 UTC (2h)");
    ObjectNode event = fake.scheduledEvents().getFirst();
    assertThat(fake.scheduledEvents()).hasSize(1);
    assertThat(event.path("name").asText()).isEqualTo("Maintenance: postgres upgrade");
    assertThat(event.path("entity_type").asInt()).isEqualTo(3); // external
    assertThat(event.path("entity_metadata").path("location").asText()).isEqualTo("web1, group db");
    assertThat(event.path("scheduled_start_time").asText()).startsWith("2026-11-22T22:00");
    assertThat(event.path("scheduled_end_time").asText()).startsWith("2026-11-23T00:00");
    assertThat(event.path("description").asText()).contains("postgres upgrade");
    assertThat(engine.maintenance().list()).hasSize(1);
  }

  @Test
  @DisplayName(
      "announcements made while Discord is away wait in the store and go out in order, once, also"
          + " through the outlets of a restarted Ravenwatch")
  void announcementsWaitForDiscord() {
    link.disconnect();
    outlets.announce(ChatMessage.text("first"));
    outlets.announce(ChatMessage.text("second"));
    assertThat(fake.messages(NEWS)).isEmpty();
    assertThat(store.loadDocuments("discord_pending")).hasSize(2);

    outlets.close(); // Ravenwatch stopped; the next one has its own outlets over the same store
    outlets = new DiscordOutlets(discord, link, engine);
    link.connect(chat.jda());

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(fake.messages(NEWS))
                    .extracting(FakeMessage::content)
                    .containsExactly("first", "second"));
    outlets.drain();
    outlets.announce(ChatMessage.text("third"));
    assertThat(fake.messages(NEWS))
        .extracting(FakeMessage::content)
        .containsExactly("first", "second", "third");
    assertThat(store.loadDocuments("discord_pending")).isEmpty();
  }

  @Test
  @DisplayName(
      "an announcement sent again after its answer was lost (same key) is not posted twice")
  void aRepeatedAnnouncementIsNotDoubled() {
    outlets.announce(ChatMessage.text("once"));
    assertThat(fake.messages(NEWS)).extracting(FakeMessage::content).containsExactly("once");
    // As if Ravenwatch died after Discord took it but before forgetting it: the same entry again.
    String key = "0000000000001-000001";
    String json =
        io.ravenwatch.alerts.store.Json.write(
            PendingPosts.Post.announcement(ChatMessage.text("x")));
    store.inTransaction(
        tx -> {
          tx.putDocument(PendingPosts.KIND, key, json);
          return null;
        });
    outlets.drain();
    store.inTransaction(
        tx -> {
          tx.putDocument(PendingPosts.KIND, key, json);
          return null;
        });
    outlets.drain();

    assertThat(fake.messages(NEWS)).extracting(FakeMessage::content).containsExactly("once", "x");
  }

  @Test
  @DisplayName("toIncidents posts into the thread of each open incident about the target")
  void postsIntoOpenIncidentThreads() {
    fire("web1");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> fake.messages(ALERTS).stream().anyMatch(m -> m.thread().isPresent()));
    FakeMessage incident = fake.messages(ALERTS).getFirst();
    String thread = incident.thread().orElseThrow();
    await().atMost(Duration.ofSeconds(10)).until(() -> !outlets.incidentsOf("web1").isEmpty());

    int posted = outlets.toIncidents("web1", "🔧 Maintenance started by alice: disk swap");

    assertThat(posted).isEqualTo(1);
    assertThat(fake.messages(thread))
        .extracting(FakeMessage::content)
        .contains("🔧 Maintenance started by alice: disk swap");
    assertThat(outlets.toIncidents("db1", "nothing open here")).isZero();
    assertThat(fake.messages(ALERTS)).hasSize(1);
  }

  private void fire(String target) {
    engine.observe(
        new Observation(
            "host_down",
            Severity.CRITICAL,
            Duration.ZERO,
            Duration.ZERO,
            Labels.of(
                "alertname",
                "host_down",
                "severity",
                "critical",
                "source",
                target,
                "region",
                "eu-west"),
            true,
            1.0,
            Map.of("summary", target + " is down"),
            clock.instant()));
  }
}
