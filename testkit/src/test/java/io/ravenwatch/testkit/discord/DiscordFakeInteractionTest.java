package io.ravenwatch.testkit.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slash commands, autocomplete and clicks through the fake, answered by the real JDA. */
class DiscordFakeInteractionTest {
  static final String ALERTS = "100000000000000200";
  static final String ALICE = "100000000000000400";

  static DiscordFake fake;
  static JDA jda;
  static TestBot bot = new TestBot();

  @BeforeAll
  static void login() throws InterruptedException {
    fake = DiscordFake.start(DiscordFakeLoginTest.GUILD);
    jda = FakeJda.login(fake, bot);
    TestBot.registerCommands(jda, DiscordFakeLoginTest.GUILD.id());
  }

  @AfterAll
  static void logout() {
    jda.shutdownNow();
    fake.close();
  }

  @Test
  void recordsTheRegisteredGuildCommandsWithSubcommandsAndOptions() {
    assertThat(fake.commands())
        .extracting(RegisteredCommand::name)
        .containsExactlyInAnyOrder("ping", "slow", "late", "graph", "silence");
    RegisteredCommand silence = fake.command("silence").orElseThrow();
    assertThat(silence.guildId()).isEqualTo(DiscordFakeLoginTest.GUILD.id());
    assertThat(silence.subcommands()).containsExactly("add", "list");
    var target = silence.option("add").orElseThrow().option("target").orElseThrow();
    assertThat(target.type()).isEqualTo(3);
    assertThat(target.required()).isTrue();
    assertThat(target.autocomplete()).isTrue();
  }

  @Test
  void ephemeralReplyCarriesFlag64() {
    SlashResult result = fake.slash(ALICE, "ping", Map.of());

    assertThat(result.callbackType()).isEqualTo(SlashResult.REPLY);
    assertThat(result.content()).isEqualTo("pong");
    assertThat(result.ephemeral()).isTrue();
    assertThat(result.original().orElseThrow().current().flags() & 64).isEqualTo(64);
    assertThat(result.ackLatency()).isPresent();
    assertThat(fake.messages(ALERTS))
        .as("ephemeral replies are in no channel's history")
        .noneMatch(m -> m.content().equals("pong"));
  }

  @Test
  void subcommandOptionsArriveNestedAndMemberRolesReachTheBot() {
    SlashResult result = fake.slash(ALICE, "silence add", Map.of("target", "web-1", "hours", 4));

    assertThat(result.callbackType()).isEqualTo(SlashResult.REPLY);
    assertThat(result.content()).isEqualTo("silenced web-1 for 4 h by alice with 1 role(s)");
    assertThat(result.ephemeral()).isFalse();
    assertThat(fake.messages(ALERTS))
        .extracting(FakeMessage::content)
        .contains("silenced web-1 for 4 h by alice with 1 role(s)");
  }

  @Test
  void deferredReplyIsEditedThroughTheWebhook() {
    SlashResult result = fake.slash(ALICE, "slow", Map.of());

    assertThat(result.callbackType()).isEqualTo(SlashResult.DEFERRED);
    await().atMost(Duration.ofSeconds(5)).until(() -> result.content().equals("done slowly"));
    FakeMessage original = result.original().orElseThrow();
    assertThat(original.versions()).hasSize(2);
    assertThat(original.versions().getFirst().flags() & 128).as("thinking…").isEqualTo(128);
    assertThat(original.current().flags() & 128).isZero();
  }

  @Test
  void autocompleteReturnsTheBotsChoices() {
    var choices = fake.autocomplete(ALICE, "silence add", "target", "web");

    assertThat(choices).extracting(DiscordFake.Choice::name).containsExactly("web-1", "web-2");
  }

  @Test
  void clickReachesJdaAndItsUpdateEditsTheMessage() {
    var sent =
        jda.getTextChannelById(ALERTS)
            .sendMessage("HostDown web-1")
            .setComponents(
                ActionRow.of(Button.primary("ack:web-1", "Acknowledge"), Button.danger("x", "No")))
            .complete();

    SlashResult result = fake.click(ALICE, sent.getId(), "ack:web-1");

    assertThat(bot.clicks)
        .anySatisfy(
            click -> {
              assertThat(click.getComponentId()).isEqualTo("ack:web-1");
              assertThat(click.getUser().getId()).isEqualTo(ALICE);
              assertThat(click.getMessageId()).isEqualTo(sent.getId());
            });
    assertThat(result.callbackType()).isEqualTo(SlashResult.UPDATE);
    FakeMessage message = fake.message(sent.getId()).orElseThrow();
    assertThat(message.versions()).hasSize(2);
    assertThat(message.versions().getFirst().buttons())
        .extracting(FakeMessage.Button::customId)
        .containsExactly("ack:web-1", "x");
    assertThat(message.content()).isEqualTo("acked by alice");
    assertThat(message.buttons()).isEmpty();
  }

  @Test
  void followUpCarriesAnEphemeralFileThroughTheWebhook() {
    SlashResult result = fake.slash(ALICE, "graph", Map.of());

    assertThat(result.callbackType()).isEqualTo(SlashResult.DEFERRED);
    assertThat(result.ephemeral()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> result.followUps().size() == 1);
    FakeMessage followUp = result.followUps().getFirst();
    assertThat(followUp.content()).isEqualTo("cpu of web-1");
    assertThat(followUp.ephemeral()).isTrue();
    assertThat(followUp.attachments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.filename()).isEqualTo("cpu.png");
              assertThat(a.bytes()).isEqualTo(TestBot.GRAPH);
            });
  }

  @Test
  void deferredUpdateOfAClickEditsTheClickedMessage() {
    var sent =
        jda.getTextChannelById(ALERTS)
            .sendMessage("HostDown web-2")
            .setComponents(ActionRow.of(Button.secondary("mute:web-2", "Silence 1 h")))
            .complete();

    SlashResult result = fake.click(ALICE, sent.getId(), "mute:web-2");

    assertThat(result.callbackType()).isEqualTo(SlashResult.DEFERRED_UPDATE);
    await().atMost(Duration.ofSeconds(5)).until(() -> result.content().equals("muted"));
    assertThat(result.original().orElseThrow().id()).isEqualTo(sent.getId());
  }

  @Test
  void modalIsRecordedWithItsForm() {
    var sent =
        jda.getTextChannelById(ALERTS)
            .sendMessage("HostDown db-1")
            .setComponents(ActionRow.of(Button.primary("note:db-1", "Ack with note")))
            .complete();

    SlashResult result = fake.click(ALICE, sent.getId(), "note:db-1");

    assertThat(result.callbackType()).isEqualTo(SlashResult.MODAL);
    assertThat(result.callbackData().orElseThrow().path("custom_id").asText())
        .isEqualTo("note-modal");
  }

  @Test
  void everyAnswerLeftNoRejection() {
    fake.slash(ALICE, "ping", Map.of());
    assertThat(fake.rejections()).isEmpty();
  }
}
