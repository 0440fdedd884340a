package io.ravenwatch.testkit.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gateway drops, REST outages and late answers, lived through by the real JDA. */
class DiscordFakeResilienceTest {
  static final String ALERTS = "100000000000000200";
  static final String ALICE = "100000000000000400";

  DiscordFake fake;
  JDA jda;
  final TestBot bot = new TestBot();

  void start(Duration deadline) throws InterruptedException {
    fake = DiscordFake.start(DiscordFakeLoginTest.GUILD, deadline);
    jda = FakeJda.login(fake, bot);
    TestBot.registerCommands(jda, DiscordFakeLoginTest.GUILD.id());
  }

  @AfterEach
  void stop() {
    if (jda != null) {
      jda.shutdownNow();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {4000, 1006})
  void interactionDispatchedDuringAGatewayDropArrivesAfterResume(int closeCode) throws Exception {
    start(DiscordFake.INTERACTION_DEADLINE);

    fake.dropGatewayAndRefuse(closeCode);
    await().atMost(Duration.ofSeconds(5)).until(() -> jda.getStatus() != JDA.Status.CONNECTED);
    SlashResult during = fake.slashAsync(ALERTS, ALICE, "ping", Map.of());
    assertThat(during.answered()).as("no connection, nothing delivered yet").isFalse();
    fake.restoreGateway();

    assertThat(during.awaitAnswer(Duration.ofSeconds(15))).isTrue();
    assertThat(during.content()).isEqualTo("pong");
    // replayed dispatches come before RESUMED, so the reply may beat the resume event
    await().atMost(Duration.ofSeconds(5)).until(() -> bot.resumes.size() == 1);
    assertThat(fake.gatewayResumes()).isEqualTo(1);
    assertThat(fake.gatewayIdentifies()).as("resumed, not a new session").isEqualTo(1);
    assertThat(bot.slashes).hasSize(1);
  }

  @Test
  void jdaRetriesThrough503sAndTheMessageLandsAfterRecovery() throws Exception {
    start(DiscordFake.INTERACTION_DEADLINE);

    fake.restUnavailable();
    CompletableFuture<Message> sent =
        jda.getTextChannelById(ALERTS).sendMessage("during outage").submit();
    await().atMost(Duration.ofSeconds(5)).until(() -> fake.restUnavailableAnswers() >= 1);
    assertThat(fake.messages(ALERTS)).isEmpty();
    fake.restRecovered();

    Message message = sent.get();
    assertThat(fake.messages(ALERTS)).extracting(FakeMessage::id).containsExactly(message.getId());
    assertThat(fake.messages(ALERTS).getFirst().content()).isEqualTo("during outage");
  }

  @Test
  void timedOutageAnswers503UntilItEnds() throws Exception {
    start(DiscordFake.INTERACTION_DEADLINE);

    fake.restOutage(Duration.ofMillis(800));
    Message message = jda.getTextChannelById(ALERTS).sendMessage("after a blip").complete();

    assertThat(fake.restUnavailableAnswers()).isGreaterThanOrEqualTo(1);
    assertThat(fake.message(message.getId())).isPresent();
  }

  @Test
  void refusedConnectionsFailTheRequestUntilTheSamePortListensAgain() throws Exception {
    start(DiscordFake.INTERACTION_DEADLINE);
    String base = fake.restBaseUrl();

    fake.refuseRest();
    assertThatThrownBy(() -> jda.getTextChannelById(ALERTS).sendMessage("lost").complete())
        .isInstanceOf(ErrorResponseException.class)
        .hasCauseInstanceOf(ConnectException.class);
    fake.restRecovered();

    assertThat(fake.restBaseUrl()).isEqualTo(base);
    Message message = jda.getTextChannelById(ALERTS).sendMessage("back").complete();
    assertThat(fake.messages(ALERTS)).extracting(FakeMessage::id).containsExactly(message.getId());
  }

  @Test
  void callbackAfterTheDeadlineIsUnknownInteraction() throws Exception {
    start(Duration.ofMillis(500));
    bot.lateBy = Duration.ofMillis(1000);

    SlashResult result = fake.slash(ALICE, "late", Map.of());

    await().atMost(Duration.ofSeconds(5)).until(() -> !result.rejections().isEmpty());
    assertThat(result.answered()).isFalse();
    assertThat(result.rejections()).containsExactly("404 10062 Unknown interaction");
    assertThat(fake.rejections()).extracting(Rejection::code).containsExactly(10062);
  }
}
