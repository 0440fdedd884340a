package io.ravenwatch.bot.discord;

import static io.ravenwatch.bot.discord.DiscordBed.ALERTS;
import static io.ravenwatch.bot.discord.DiscordBed.ALICE;
import static io.ravenwatch.bot.discord.DiscordBed.AUDIT;
import static io.ravenwatch.bot.discord.DiscordBed.BOB;
import static io.ravenwatch.bot.discord.DiscordBed.VERA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.bot.chat.ButtonIds;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.testkit.discord.DiscordFake;
import io.ravenwatch.testkit.discord.FakeMessage;
import io.ravenwatch.testkit.discord.SlashResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Refusals, buttons, confirmations and the audit channel, through the fake and the real JDA. */
class DiscordChatInteractionsTest {
  static DiscordBed bed;
  static DiscordFake fake;

  @BeforeAll
  static void start() throws Exception {
    bed =
        new DiscordBed(
            """
            hosts:
              web1: {address: 127.0.0.1}
              db1: {address: 127.0.0.1}
            """,
            fx -> CommandRegistry.standard(fx.context).register(new ExtraCommands.Wipe()));
    fake = bed.fake;
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  @Test
  @DisplayName("a user without a role is refused privately, and the refusal is audited and posted")
  void refusedUser() {
    SlashResult result = fake.slash(BOB, "status", Map.of());

    assertThat(result.ephemeral()).isTrue();
    assertThat(result.content()).isEqualTo("You need the `view` permission for /status.");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> audited(e -> e.callerId().equals(BOB) && e.outcome() == Outcome.REFUSED));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                fake.messages(AUDIT).stream()
                    .anyMatch(
                        m ->
                            m.content().startsWith("🛡 bob: /status → refused")
                                && m.content().contains("needs the view permission")));
  }

  @Test
  @DisplayName("a viewer may look but not silence")
  void viewerMayNotSilence() {
    assertThat(fake.slash(VERA, "silence list", Map.of()).ephemeral()).isFalse();

    SlashResult refused =
        fake.slash(VERA, "silence add", Map.of("matchers", "source=web1", "comment", "x"));
    assertThat(refused.ephemeral()).isTrue();
    assertThat(refused.content()).isEqualTo("You need the `silence` permission for /silence add.");
  }

  @Test
  @DisplayName("Acknowledge on an alert message: a public answer, the alert message left alone")
  void ackButtonByAllowedUser() {
    String fingerprint = bed.fx.fire("host_down", Severity.CRITICAL, "web1", "web1 is down");
    String alert = postAlert(fingerprint, "web1 is down");

    SlashResult result = fake.click(ALICE, alert, ButtonIds.command("ack", fingerprint));

    assertThat(result.callbackType()).isEqualTo(SlashResult.REPLY);
    assertThat(result.ephemeral()).isFalse();
    assertThat(result.original().orElseThrow().embeds().getFirst().title())
        .isEqualTo("alice acknowledged an alert");
    assertThat(fake.message(alert).orElseThrow().edited()).isFalse();
    assertThat(bed.fx.engine.acks().list()).anyMatch(a -> a.fingerprint().equals(fingerprint));
  }

  @Test
  @DisplayName("Acknowledge clicked by a viewer: refused privately and audited")
  void ackButtonByRefusedUser() {
    String fingerprint = bed.fx.fire("host_down", Severity.CRITICAL, "db1", "db1 is down");
    String alert = postAlert(fingerprint, "db1 is down");

    SlashResult result = fake.click(VERA, alert, ButtonIds.command("ack", fingerprint));

    assertThat(result.ephemeral()).isTrue();
    assertThat(result.content()).isEqualTo("You need the `ack` permission for this button.");
    assertThat(fake.message(alert).orElseThrow().edited()).isFalse();
    assertThat(bed.fx.engine.acks().list()).noneMatch(a -> a.fingerprint().equals(fingerprint));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                audited(
                    e ->
                        e.callerId().equals(VERA)
                            && e.action().equals("button ack")
                            && e.outcome() == Outcome.REFUSED));
  }

  @Test
  @DisplayName("a plan is confirmed only by its author; the outcome replaces the plan")
  void confirmation() {
    SlashResult plan = fake.slash(ALICE, "wipe", Map.of("what", "cache"));
    FakeMessage shown = plan.original().orElseThrow();
    assertThat(shown.content()).startsWith("Will wipe cache.");
    List<String> ids = shown.buttons().stream().map(FakeMessage.Button::customId).toList();
    String confirm = ids.stream().filter(id -> id.startsWith("confirm:")).findFirst().orElseThrow();

    SlashResult byBob = fake.click(BOB, shown.id(), confirm);
    assertThat(byBob.ephemeral()).isTrue();
    assertThat(byBob.content()).isEqualTo("Only alice can confirm this.");
    assertThat(fake.message(shown.id()).orElseThrow().edited()).isFalse();

    SlashResult byAlice = fake.click(ALICE, shown.id(), confirm);
    assertThat(byAlice.callbackType()).isEqualTo(SlashResult.UPDATE);
    FakeMessage after = fake.message(shown.id()).orElseThrow();
    assertThat(after.content()).isEqualTo("Wiped cache for alice.");
    assertThat(after.buttons()).isEmpty();
  }

  @Test
  @DisplayName("a button of a message whose handler is gone gets a private answer")
  void unknownButton() {
    String alert = postAlert("0123", "old alert");

    SlashResult result = fake.click(ALICE, alert, "cmd:nosuchcommand:1");

    assertThat(result.ephemeral()).isTrue();
    assertThat(result.content()).isEqualTo("This button is not handled any more.");
  }

  /** Posts an alert message with an Acknowledge button, as the alert notifier would. */
  private static String postAlert(String fingerprint, String summary) {
    var message =
        ChatMessage.of(
            new ChatMessage.Embed(summary, "", 0xE74C3C, List.of(), "", "", null, ""),
            ChatMessage.Button.of(
                ButtonIds.command("ack", fingerprint),
                "Acknowledge",
                ChatMessage.Button.Style.PRIMARY));
    return bed.chat
        .jda()
        .getTextChannelById(ALERTS)
        .sendMessage(DiscordMessages.create(message))
        .complete()
        .getId();
  }

  private static boolean audited(Predicate<AuditEntry> entry) {
    return bed.audit.stream().anyMatch(entry);
  }
}
