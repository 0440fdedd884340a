package io.ravenwatch.bot.discord.alert;

import static io.ravenwatch.bot.discord.alert.AlertChannel.ALERTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.testkit.discord.FakeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the notifier answers the outbox when Discord cannot take a notification, and the API. */
class DiscordNotifierFailuresTest {
  static AlertChannel ch;
  static FakeMessage incident;
  static String incidentId;

  @BeforeAll
  static void start() throws Exception {
    ch = new AlertChannel(DiscordNotifierTest.ROUTE);
    ch.fire("host_down", Severity.CRITICAL, "web1", 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                ch.store
                    .entry(1)
                    .map(e -> e.messageId() != null && !e.messageId().isEmpty())
                    .orElse(false));
    incident = ch.channelMessages().getFirst();
    incidentId = ch.store.entry(1).orElseThrow().messageId();
  }

  @AfterAll
  static void stop() {
    ch.close();
  }

  private static Notification update() {
    Notification fired = ch.store.entry(1).orElseThrow().notification();
    return new Notification(
        99,
        "discord",
        Notification.Kind.UPDATE,
        fired.groupKey(),
        fired.groupLabels(),
        fired.severity(),
        fired.alerts(),
        0,
        "",
        "",
        1L,
        ch.clock.instant());
  }

  @Test
  void theMessageIdNamesChannelMessageAndThread() {
    IncidentRef ref = IncidentRef.parse(incidentId, "0");

    assertThat(ref.channelId()).isEqualTo(ALERTS);
    assertThat(ref.messageId()).isEqualTo(incident.id());
    assertThat(ref.threadId()).isEqualTo(ch.fake.message(incident.id()).orElseThrow().threadId());
  }

  @Test
  void laterActionsArePostedToTheIncidentThread() {
    DeliveryResult result =
        ch.notifier().postToIncidentThread(incidentId, "🛠️ Actions run: restarted nginx on web1");

    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(ch.thread(incident).getLast()).isEqualTo("🛠️ Actions run: restarted nginx on web1");
  }

  @Test
  void anUnknownChannelIsRetriedLater() throws Exception {
    DeliveryResult result =
        ch.notifier().deliver(update(), "999999999999999999/" + incident.id() + "//");

    assertThat(result)
        .isInstanceOfSatisfying(
            DeliveryResult.Failed.class,
            f -> {
              assertThat(f.retryable()).isTrue();
              assertThat(f.reason()).contains("unknown channel 999999999999999999");
            });
  }

  @Test
  void aMessageDiscordDoesNotKnowIsRejectedWithTheReasonNotRetriedForever() throws Exception {
    DeliveryResult result = ch.notifier().deliver(update(), ALERTS + "/123456789012345678//");

    assertThat(result)
        .isInstanceOfSatisfying(
            DeliveryResult.Failed.class,
            f -> {
              assertThat(f.retryable()).isFalse();
              assertThat(f.reason()).contains("404").contains("Unknown Message");
            });
  }

  @Test
  void beforeTheBotLoggedInNotificationsWaitInTheOutbox() throws Exception {
    var notifier =
        new DiscordNotifier(
            "discord",
            new DiscordNotifierType.Settings(null, null),
            new DiscordLink(ALERTS),
            ch.clock);

    DeliveryResult result = notifier.deliver(update(), null);

    assertThat(result)
        .isInstanceOfSatisfying(
            DeliveryResult.Failed.class, f -> assertThat(f.retryable()).isTrue());
    assertThat(ch.channelMessages()).hasSize(1);
  }

  @Test
  void aRestOutageLongerThanJdaWaitsIsARetryNotAnException() throws Exception {
    ch.fake.restUnavailable();
    try {
      DeliveryResult result = ch.notifier().deliver(update(), incidentId);

      assertThat(result)
          .isInstanceOfSatisfying(
              DeliveryResult.Failed.class,
              f -> {
                assertThat(f.retryable()).isTrue();
                assertThat(f.reason()).contains("Discord unavailable");
              });
    } finally {
      ch.fake.restRecovered();
    }
    assertThat(List.copyOf(ch.channelMessages())).hasSize(1);
  }
}
