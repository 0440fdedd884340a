package io.ravenwatch.testkit.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.FileUpload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Channel messages, edits, threads, files, limits and refusals, sent by the real JDA. */
class DiscordFakeMessagesTest {
  static final String ALERTS = "100000000000000200";
  static final String ANNOUNCEMENTS = "100000000000000201";

  static DiscordFake fake;
  static JDA jda;
  static TextChannel alerts;

  @BeforeAll
  static void login() throws InterruptedException {
    fake = DiscordFake.start(DiscordFakeLoginTest.GUILD);
    jda = FakeJda.login(fake);
    alerts = jda.getTextChannelById(ALERTS);
  }

  @AfterAll
  static void logout() {
    jda.shutdownNow();
    fake.close();
  }

  private static MessageEmbed embed(String title, String description) {
    return new EmbedBuilder()
        .setTitle(title)
        .setDescription(description)
        .setColor(Color.RED)
        .addField("target", "web-1", true)
        .setFooter("ravenwatch")
        .build();
  }

  @Test
  void sendsAnEmbedWithButtonsAndEditsIt() {
    Message sent =
        alerts
            .sendMessageEmbeds(embed("HostDown", "web-1 is down"))
            .setComponents(
                ActionRow.of(
                    Button.primary("ack:1", "Acknowledge"),
                    Button.link("https://runbooks.example/hostdown", "Runbook")))
            .complete();
    assertThat(sent.getEmbeds()).as("JDA kept the echoed embed").hasSize(1);

    sent.editMessageEmbeds(embed("Resolved", "web-1 is back"))
        .setComponents(java.util.List.<ActionRow>of())
        .complete();

    FakeMessage stored = fake.message(sent.getId()).orElseThrow();
    assertThat(fake.messages(ALERTS)).extracting(FakeMessage::id).contains(sent.getId());
    assertThat(stored.versions()).hasSize(2);
    FakeMessage.Version first = stored.versions().getFirst();
    assertThat(first.embeds().getFirst().title()).isEqualTo("HostDown");
    assertThat(first.embeds().getFirst().color()).isEqualTo(Color.RED.getRGB() & 0xFFFFFF);
    assertThat(first.embeds().getFirst().fields())
        .containsExactly(new FakeMessage.Field("target", "web-1", true));
    assertThat(first.embeds().getFirst().footer()).isEqualTo("ravenwatch");
    assertThat(first.buttons())
        .extracting(FakeMessage.Button::customId, FakeMessage.Button::url)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ack:1", null),
            org.assertj.core.groups.Tuple.tuple(null, "https://runbooks.example/hostdown"));
    assertThat(stored.embeds().getFirst().title()).isEqualTo("Resolved");
    assertThat(stored.buttons()).isEmpty();
    assertThat(stored.edited()).isTrue();
    assertThat(
            alerts.retrieveMessageById(sent.getId()).complete().getEmbeds().getFirst().getTitle())
        .isEqualTo("Resolved");
  }

  @Test
  void startsAThreadFromAMessageAndPostsInIt() {
    Message incident = alerts.sendMessage("incident 42").complete();

    ThreadChannel thread = incident.createThreadChannel("incident 42 timeline").complete();
    thread.sendMessage("fired at 10:00").complete();
    thread.sendMessage("acked by alice").complete();

    assertThat(thread.getId()).isEqualTo(incident.getId());
    assertThat(thread.getParentChannel().getId()).isEqualTo(ALERTS);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> jda.getThreadChannelById(thread.getId()) != null);
    assertThat(fake.message(incident.getId()).orElseThrow().thread()).contains(thread.getId());
    assertThat(fake.messages(thread.getId()))
        .extracting(FakeMessage::content)
        .containsExactly("fired at 10:00", "acked by alice");
  }

  @Test
  void recordsWhichRoleMentionsPingAsAllowedMentionsSay() {
    String oncall = "<@&100000000000000300>";
    Message pings =
        alerts
            .sendMessage(oncall + " wake up")
            .setAllowedMentions(java.util.List.of())
            .mentionRoles("100000000000000300")
            .complete();
    Message quiet =
        alerts.sendMessage(oncall + " fyi").setAllowedMentions(java.util.List.of()).complete();

    assertThat(fake.message(pings.getId()).orElseThrow().pingedRoles())
        .containsExactly("100000000000000300");
    assertThat(fake.message(quiet.getId()).orElseThrow().pingedRoles()).isEmpty();
  }

  @Test
  void uploadsAFileAsMultipart() {
    byte[] png = "not really a png".getBytes(StandardCharsets.UTF_8);
    Message sent =
        alerts.sendMessage("graph").addFiles(FileUpload.fromData(png, "cpu.png")).complete();

    assertThat(sent.getAttachments())
        .extracting(Message.Attachment::getFileName)
        .containsExactly("cpu.png");
    FakeMessage.Attachment stored =
        fake.message(sent.getId()).orElseThrow().attachments().getFirst();
    assertThat(stored.filename()).isEqualTo("cpu.png");
    assertThat(stored.bytes()).isEqualTo(png);
  }

  @Test
  void embedsOverSixThousandCharactersInTotalAreRefusedAndRecorded() {
    int before = fake.limitViolations().size();
    String long3500 = "x".repeat(3500);

    // each embed is within its own limits, so JDA sends it; Discord counts them together
    assertThatThrownBy(
            () -> alerts.sendMessageEmbeds(embed("a", long3500), embed("b", long3500)).complete())
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.INVALID_FORM_BODY));

    assertThat(fake.limitViolations()).hasSize(before + 1);
    Rejection violation = fake.limitViolations().getLast();
    assertThat(violation.status()).isEqualTo(400);
    assertThat(violation.body().at("/errors/embeds/_errors/0/code").asText())
        .isEqualTo("MAX_EMBED_SIZE_EXCEEDED");
  }

  @Test
  void unknownChannelIs404AndMissingPermissionIs403() {
    // JDA checks permissions itself, so ask the REST API directly as a bot without a cache would
    assertThatThrownBy(() -> jda.getTextChannelById(ANNOUNCEMENTS).sendMessage("hi").complete())
        .as("JDA sees the overwrite from GUILD_CREATE")
        .isInstanceOf(InsufficientPermissionException.class);

    assertThat(
            new RawRest(fake).post("channels/999999999999999999/messages", "{\"content\":\"hi\"}"))
        .isEqualTo(404);
    assertThat(
            new RawRest(fake)
                .post("channels/" + ANNOUNCEMENTS + "/messages", "{\"content\":\"hi\"}"))
        .isEqualTo(403);
    assertThat(fake.rejections()).extracting(Rejection::code).contains(10003, 50013);
  }

  @Test
  void recordsScheduledEvents() {
    OffsetDateTime start = OffsetDateTime.now().plusHours(1);
    jda.getGuildById(DiscordFakeLoginTest.GUILD.id())
        .createScheduledEvent("maintenance db-1", "db-1", start, start.plusHours(2))
        .complete();

    assertThat(fake.scheduledEvents())
        .extracting(e -> e.path("name").asText())
        .contains("maintenance db-1");
  }
}
