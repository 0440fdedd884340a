package io.ravenwatch.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.command.Limits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessageFitterTest {

  @Test
  @DisplayName("a message inside the limits is left as it is")
  void fittingMessageUnchanged() {
    var message =
        ChatMessage.of(
            new ChatMessage.Embed(
                "title",
                "description",
                1,
                List.of(new ChatMessage.Field("n", "v", true)),
                "footer",
                "https://example.org/runbook",
                null,
                ""),
            ChatMessage.Button.of("cmd:ack:1", "Ack", ChatMessage.Button.Style.PRIMARY),
            ChatMessage.Button.link("Runbook", "https://example.org/runbook"));

    assertThat(MessageFitter.fit(message)).isEqualTo(message);
  }

  @Test
  @DisplayName("embeds are cut to 6,000 characters in all, and the dropped ones are counted")
  void embedsShareTheTotal() {
    var embeds = new ArrayList<ChatMessage.Embed>();
    for (int i = 0; i < 12; i++) {
      embeds.add(
          new ChatMessage.Embed("alert " + i, "x".repeat(2000), 0, List.of(), "", "", null, ""));
    }

    ChatMessage fitted =
        MessageFitter.fit(new ChatMessage("", embeds, List.of(), List.of(), false));

    assertThat(Limits.fits(fitted)).isTrue();
    assertThat(Limits.size(fitted)).isLessThanOrEqualTo(6000);
    assertThat(fitted.embeds()).hasSize(3);
    assertThat(fitted.embeds().getLast().description()).endsWith("…");
    assertThat(fitted.content()).isEqualTo("+9 more not shown");
  }

  @Test
  @DisplayName("fields past 25 are dropped and counted in the footer")
  void fieldsPast25() {
    var fields = new ArrayList<ChatMessage.Field>();
    for (int i = 0; i < 30; i++) {
      fields.add(new ChatMessage.Field("f" + i, "v", false));
    }
    var embed = new ChatMessage.Embed("t", "", 0, fields, "", "", null, "");

    ChatMessage.Embed fitted = MessageFitter.fit(ChatMessage.of(embed)).embeds().getFirst();

    assertThat(fitted.fields()).hasSize(25);
    assertThat(fitted.footer()).isEqualTo("+5 more");
  }

  @Test
  @DisplayName(
      "a button id over 100 characters, a duplicate id and a bad link are dropped, not cut")
  void badButtonsDropped() {
    var buttons =
        List.of(
            ChatMessage.Button.of(
                "cmd:x:" + "y".repeat(100), "long", ChatMessage.Button.Style.DANGER),
            ChatMessage.Button.of("cmd:a", "A", ChatMessage.Button.Style.PRIMARY),
            ChatMessage.Button.of("cmd:a", "A again", ChatMessage.Button.Style.PRIMARY),
            ChatMessage.Button.link("Runbook", "not a url"));

    ChatMessage fitted =
        MessageFitter.fit(new ChatMessage("hi", List.of(), buttons, List.of(), false));

    assertThat(fitted.buttons()).extracting(ChatMessage.Button::label).containsExactly("A");
  }

  @Test
  @DisplayName("text is cut with an ellipsis and never splits an emoji")
  void cutKeepsSurrogatePairs() {
    assertThat(MessageFitter.cut("ab🔥cd", 4)).isEqualTo("ab…");
    assertThat(MessageFitter.cut("abc", 3)).isEqualTo("abc");
  }

  @Test
  @DisplayName("an empty message gets a placeholder: Discord refuses empty messages")
  void emptyMessage() {
    assertThat(MessageFitter.fit(ChatMessage.text("")).content()).isEqualTo(MessageFitter.EMPTY);
  }
}
