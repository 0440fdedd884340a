package io.ravenwatch.bot.discord.alert;

import static io.ravenwatch.bot.discord.alert.AlertChannel.ONCALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.store.OutboxEntry;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.Caller;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.RecordingReply;
import io.ravenwatch.bot.command.ack.AckCommand;
import io.ravenwatch.bot.command.silence.SilenceCommand;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.schedule.PollObserver;
import io.ravenwatch.probes.schedule.PollScheduler;
import io.ravenwatch.testkit.discord.FakeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Discord alert channel through the fake with the real JDA and the real alert engine. */
class DiscordNotifierTest {
  static final String ROUTE =
      """
      alerts:
        route:
          group_wait: 0s
          group_interval: 1s
          receivers: [discord]
          escalation: {after: 10m}
        receivers:
          discord: {type: discord, mention_role: "%s"}
      """
          .formatted(ONCALL);

  AlertChannel ch;

  @AfterEach
  void close() {
    if (ch != null) {
      ch.close();
    }
  }

  private FakeMessage onlyMessage() {
    await().atMost(Duration.ofSeconds(10)).until(() -> ch.channelMessages().size() == 1);
    return ch.channelMessages().getFirst();
  }

  private void awaitThread(FakeMessage message, String last) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              List<String> entries = ch.thread(message);
              return !entries.isEmpty() && entries.getLast().contains(last);
            });
  }

  @Test
  void anIncidentIsOneMessageWithButtonsEditedGreenOnResolveWithItsTimelineInAThread()
      throws Exception {
    ch = new AlertChannel(ROUTE);
    String fp = ch.fire("host_down", Severity.CRITICAL, "web1", 1);

    FakeMessage fired = onlyMessage();
    FakeMessage.Embed embed = fired.embeds().getFirst();
    assertThat(embed.color()).isEqualTo(Format.RED);
    assertThat(embed.title()).contains("host_down · eu-west").contains("web1 is down");
    assertThat(embed.fields())
        .extracting(FakeMessage.Field::name)
        .containsExactly("Target", "Value", "Threshold", "Since", "Labels", "Runbook");
    assertThat(embed.fields().get(3).value())
        .startsWith("<t:" + ch.clock.instant().getEpochSecond() + ":R>");
    assertThat(fired.buttons())
        .extracting(FakeMessage.Button::customId)
        .containsExactly(
            "cmd:ack:" + fp,
            "cmd:silence:" + fp + ":1h",
            "cmd:silence:" + fp + ":4h",
            "cmd:silence:" + fp + ":resolved",
            "cmd:graph:web1:ping",
            null);
    assertThat(fired.buttons().getLast().url())
        .isEqualTo("https://wiki.example.org/runbooks/host_down");
    awaitThread(fired, "Fired");

    ch.clock.advance(Duration.ofMinutes(3));
    ch.fire("host_down", Severity.CRITICAL, "web1", 1);
    ch.engine.acks().ack(fp, "alice", "rebooting it");
    awaitThread(fired, "rebooting it");
    assertThat(ch.thread(fired).getLast()).contains("Acknowledged** by alice");
    await().atMost(Duration.ofSeconds(5)).until(() -> footer().contains("Acknowledged by alice"));

    ch.clock.advance(Duration.ofMinutes(9));
    ch.fire("host_down", Severity.CRITICAL, "web1", 1);
    ch.clear("host_down", Severity.CRITICAL, "web1");
    ch.engine.tick();
    awaitThread(fired, "Resolved");

    FakeMessage resolved = ch.fake.message(fired.id()).orElseThrow();
    assertThat(ch.channelMessages()).as("one message per incident").hasSize(1);
    assertThat(resolved.edited()).isTrue();
    assertThat(resolved.embeds().getFirst().color()).isEqualTo(Format.GREEN);
    assertThat(resolved.embeds().getFirst().description()).contains("Resolved after 12m");
    assertThat(resolved.buttons()).isEmpty();
    assertThat(ch.thread(fired))
        .satisfiesExactly(
            f -> assertThat(f).contains("Fired"),
            a -> assertThat(a).contains("alice").contains("> rebooting it"),
            r -> assertThat(r).contains("Resolved** after 12m"));
    assertThat(ch.fake.rejections()).isEmpty();
  }

  private String footer() {
    String f = ch.channelMessages().getFirst().embeds().getFirst().footer();
    return f == null ? "" : f;
  }

  @Test
  void aFiringDeliveredAgainAfterACrashBeforeTheOutboxRecordedItPostsNoSecondMessage()
      throws Exception {
    ch = new AlertChannel(ROUTE);
    ch.fire("host_down", Severity.CRITICAL, "web1", 1);
    FakeMessage fired = onlyMessage();
    OutboxEntry entry = ch.store.entry(1).orElseThrow();
    assertThat(entry.notification().kind()).isEqualTo(Notification.Kind.FIRING);

    // What the dispatcher does after a restart when the crash came between Discord's answer and
    // markDelivered: the same outbox entry once more.
    DeliveryResult again = ch.notifiers.get("discord").deliver(entry.notification(), null);

    assertThat(again).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(((DeliveryResult.Delivered) again).messageId()).contains(fired.id());
    assertThat(ch.channelMessages()).hasSize(1);
  }

  @Test
  void theButtonsCustomIdsAreWhatTheAckAndSilenceCommandsTake() throws Exception {
    ch = new AlertChannel(ROUTE);
    String fp = ch.fire("host_down", Severity.CRITICAL, "web1", 1);
    FakeMessage fired = onlyMessage();
    awaitThread(fired, "Fired");
    var resources = new ProbeResources(ch.clock);
    try (var scheduler =
        new PollScheduler(
            ch.config.inventory().targets(),
            ProbeRegistry.standard(),
            resources,
            r -> {},
            PollObserver.NONE,
            PollScheduler.Settings.defaults())) {
      var context = new BotContext(ch.clock, ch.config, ch.engine, scheduler);
      var bob = new Caller("100000000000000401", "bob", Set.of());

      new SilenceCommand(context).onButton(bob, payload(fired, "Silence 4h"), new RecordingReply());
      new AckCommand(context).onButton(bob, payload(fired, "Acknowledge"), new RecordingReply());

      assertThat(ch.engine.silences().list())
          .singleElement()
          .satisfies(s -> assertThat(s.createdBy()).isEqualTo("bob"));
      assertThat(ch.engine.acks().list()).extracting(a -> a.fingerprint()).containsExactly(fp);
      awaitThread(fired, "Acknowledged** by bob");
    } finally {
      resources.close();
    }
  }

  /** The payload the dispatcher hands a command for the button with this label. */
  private static String payload(FakeMessage message, String label) {
    String id =
        message.buttons().stream()
            .filter(b -> label.equals(b.label()))
            .findFirst()
            .orElseThrow()
            .customId();
    String[] parts = id.split(":", 3); // cmd:<command>:<payload>
    return parts[2];
  }

  @Test
  void anUnacknowledgedCriticalEscalatesPingingTheRole() throws Exception {
    ch = new AlertChannel(ROUTE);
    ch.fire("host_down", Severity.CRITICAL, "web1", 1);
    FakeMessage fired = onlyMessage();
    awaitThread(fired, "Fired");

    ch.clock.advance(Duration.ofMinutes(11));
    ch.fire("host_down", Severity.CRITICAL, "web1", 1); // still down (not stale)
    ch.engine.tick();
    awaitThread(fired, "Escalated");

    String thread = ch.fake.message(fired.id()).orElseThrow().threadId();
    FakeMessage escalation = ch.fake.messages(thread).getLast();
    assertThat(escalation.content()).contains("<@&" + ONCALL + ">");
    assertThat(escalation.pingedRoles()).as("the mention really pings").containsExactly(ONCALL);
    assertThat(ch.fake.messages(thread).getFirst().pingedRoles())
        .as("nothing else pings")
        .isEmpty();
    await().atMost(Duration.ofSeconds(5)).until(() -> footer().contains("Escalated"));
    assertThat(ch.channelMessages()).hasSize(1);
  }

  @Test
  void aGroupOfSixtyAlertsFitsDiscordsLimitsShowingTheWorstAndHowManyMore() throws Exception {
    ch = new AlertChannel(ROUTE);
    for (int i = 0; i < 60; i++) {
      ch.fire(
          "host_down",
          i % 7 == 0 ? Severity.CRITICAL : Severity.WARNING,
          "web-server-with-a-long-name-" + i,
          i,
          "rack",
          "rack-" + "x".repeat(200) + i);
    }
    FakeMessage message = onlyMessage();
    // the group's other alerts join with the next update, a group_interval later
    ch.clock.advance(Duration.ofSeconds(1));
    ch.engine.tick();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                ch.fake
                    .message(message.id())
                    .orElseThrow()
                    .embeds()
                    .getFirst()
                    .description()
                    .contains("60 alerts"));

    FakeMessage.Embed embed = ch.fake.message(message.id()).orElseThrow().embeds().getFirst();
    assertThat(embed.description()).containsPattern("\\+\\d+ more");
    assertThat(embed.color()).isEqualTo(Format.RED);
    int total =
        embed.title().length()
            + embed.description().length()
            + (embed.footer() == null ? 0 : embed.footer().length())
            + embed.fields().stream().mapToInt(f -> f.name().length() + f.value().length()).sum();
    assertThat(total).isLessThanOrEqualTo(6000);
    assertThat(embed.fields()).hasSizeLessThanOrEqualTo(25);
    assertThat(ch.fake.limitViolations()).isEmpty();
    assertThat(ch.fake.rejections()).isEmpty();
    assertThat(ch.channelMessages()).hasSize(1);
    awaitThread(message, "Joined");
    assertThat(ch.thread(message).getLast())
        .startsWith("<t:")
        .contains("**Update**: 60 alerts firing")
        .containsPattern("\\+\\d+ more")
        .hasSizeLessThanOrEqualTo(2000);
  }
}
