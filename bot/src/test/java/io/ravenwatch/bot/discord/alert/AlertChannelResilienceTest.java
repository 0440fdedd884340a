package io.ravenwatch.bot.discord.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.store.OutboxEntry;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.testkit.discord.FakeMessage;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Gateway drops, REST outages and a restart in the middle of an incident. */
class AlertChannelResilienceTest {
  AlertChannel ch;

  @AfterEach
  void close() {
    if (ch != null) {
      ch.close();
    }
  }

  private List<String> titles() {
    return ch.channelMessages().stream().map(m -> m.embeds().getFirst().title()).toList();
  }

  @Test
  void notificationsSentDuringAGatewayDropArriveInOrderOnce() throws Exception {
    ch = new AlertChannel(DiscordNotifierTest.ROUTE);
    ch.fake.dropGatewayAndRefuse(4000);
    await().atMost(Duration.ofSeconds(5)).until(() -> ch.jda.getStatus() != JDA.Status.CONNECTED);

    ch.fire("host_down", Severity.CRITICAL, "web1", 1);
    ch.fire("disk_full", Severity.WARNING, "web1", 97);
    ch.clock.advance(Duration.ofMinutes(2));
    ch.fire("disk_full", Severity.WARNING, "web1", 97);
    ch.clear("host_down", Severity.CRITICAL, "web1");
    ch.engine.tick();
    ch.fake.restoreGateway();
    await().atMost(Duration.ofSeconds(15)).until(() -> ch.jda.getStatus() == JDA.Status.CONNECTED);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ch.channelMessages().size() == 2 && !pending());
    assertThat(titles())
        .satisfiesExactly(
            first -> assertThat(first).startsWith("✅ Resolved: host_down"),
            second -> assertThat(second).contains("disk_full"));
    FakeMessage hostDown = ch.channelMessages().getFirst();
    assertThat(ch.thread(hostDown))
        .satisfiesExactly(
            f -> assertThat(f).contains("Fired"), r -> assertThat(r).contains("Resolved"));
    assertThat(ch.thread(ch.channelMessages().get(1))).hasSize(1);
    assertThat(ch.fake.rejections()).isEmpty();
  }

  private boolean pending() {
    return !ch.store.pending("discord", 10).isEmpty();
  }

  @Test
  void aRestOutageIsRetriedByTheOutboxAndTheMessagesLandInOrder() throws Exception {
    ch = new AlertChannel(DiscordNotifierTest.ROUTE);
    ch.fake.restUnavailable();

    ch.fire("host_down", Severity.CRITICAL, "web1", 1);
    ch.fire("disk_full", Severity.WARNING, "web1", 97);
    await().atMost(Duration.ofSeconds(15)).until(() -> attempts() >= 1);
    assertThat(ch.channelMessages()).isEmpty();

    ch.fake.restRecovered();
    // the outbox's backoff runs on the engine's (fake) clock: let it pass
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              ch.clock.advance(Duration.ofSeconds(1));
              return !pending() && ch.channelMessages().size() == 2;
            });
    assertThat(titles())
        .satisfiesExactly(
            first -> assertThat(first).contains("host_down"),
            second -> assertThat(second).contains("disk_full"));
    assertThat(ch.fake.restUnavailableAnswers()).isPositive();
    assertThat(ch.channelMessages())
        .allSatisfy(m -> assertThat(ch.thread(m)).singleElement().asString().contains("Fired"));
  }

  private int attempts() {
    return ch.store.pending("discord", 10).stream().mapToInt(OutboxEntry::attempts).sum();
  }

  @Test
  void afterARestartTheResolveEditsTheMessageOfTheIncident() throws Exception {
    ch = new AlertChannel(DiscordNotifierTest.ROUTE);
    ch.fire("host_down", Severity.CRITICAL, "web1", 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> ch.channelMessages().size() == 1);
    FakeMessage fired = ch.channelMessages().getFirst();
    await().atMost(Duration.ofSeconds(10)).until(() -> ch.thread(fired).size() == 1);

    ch.restart();
    ch.clock.advance(Duration.ofMinutes(5));
    ch.fire("host_down", Severity.CRITICAL, "web1", 1);
    ch.clear("host_down", Severity.CRITICAL, "web1");
    ch.engine.tick();

    await().atMost(Duration.ofSeconds(10)).until(() -> ch.thread(fired).size() == 2);
    FakeMessage resolved = ch.fake.message(fired.id()).orElseThrow();
    assertThat(ch.channelMessages()).as("the old message, edited").hasSize(1);
    assertThat(resolved.embeds().getFirst().color()).isEqualTo(Format.GREEN);
    assertThat(resolved.embeds().getFirst().description()).contains("Resolved after 5m");
    assertThat(resolved.buttons()).isEmpty();
    assertThat(ch.thread(fired).getLast()).contains("Resolved");
    assertThat(ch.fake.rejections()).isEmpty();
  }
}
