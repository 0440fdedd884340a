package io.ravenwatch.bot.discord.alert;

import static io.ravenwatch.bot.discord.alert.AlertChannel.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.testkit.discord.FakeMessage;
import io.ravenwatch.testkit.discord.SlashResult;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The incident message's buttons clicked in Discord, answered by the bot's chat (dispatcher,
 * permissions, commands) over the engine that posted the message, both on one JDA session.
 */
class AlertButtonsThroughChatTest {
  static final String BOB = "100000000000000401"; // no role: may do nothing

  AlertChannel ch;

  @AfterEach
  void close() {
    if (ch != null) {
      ch.close();
    }
  }

  private static String id(FakeMessage message, String label) {
    return message.buttons().stream()
        .filter(b -> label.equals(b.label()))
        .findFirst()
        .orElseThrow()
        .customId();
  }

  @Test
  void theOnCallAcknowledgesFromTheAlertMessageAndSomeoneWithoutTheRoleIsRefused()
      throws Exception {
    ch = new AlertChannel(DiscordNotifierTest.ROUTE, true);
    String fp = ch.fire("host_down", Severity.CRITICAL, "web1", 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> ch.channelMessages().size() == 1);
    FakeMessage message = ch.channelMessages().getFirst();
    await().atMost(Duration.ofSeconds(10)).until(() -> ch.thread(message).size() == 1);

    SlashResult refused = ch.fake.click(BOB, message.id(), id(message, "Silence 1h"));
    SlashResult acked = ch.fake.click(ALICE, message.id(), id(message, "Acknowledge"));

    assertThat(refused.ephemeral()).isTrue();
    assertThat(ch.engine.silences().list()).isEmpty();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                acked
                    .original()
                    .map(m -> m.current().json().toString())
                    .orElse("")
                    .contains("alice acknowledged"));
    assertThat(ch.engine.acks().list()).extracting(a -> a.fingerprint()).containsExactly(fp);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ch.thread(message).getLast().contains("Acknowledged** by alice"));
    assertThat(ch.channelMessages())
        .as("one incident message (the rest are the commands' answers)")
        .filteredOn(m -> m.current().json().path("type").asInt() == 0)
        .containsExactly(ch.fake.message(message.id()).orElseThrow());
  }
}
