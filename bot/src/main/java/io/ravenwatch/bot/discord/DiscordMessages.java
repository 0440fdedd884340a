package io.ravenwatch.bot.discord;

import io.ravenwatch.bot.chat.ChatMessage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Renders a {@link ChatMessage} as a JDA message, first fitted to Discord's limits by {@link
 * MessageFitter}: embeds, buttons in rows of five, files. Mentions in chat answers never ping
 * anyone (a silence comment may contain {@code @everyone}).
 */
public final class DiscordMessages {
  private DiscordMessages() {}

  /** A new message. */
  public static MessageCreateData create(ChatMessage message) {
    ChatMessage m = MessageFitter.fit(message);
    return new MessageCreateBuilder()
        .setContent(m.content())
        .setEmbeds(embeds(m))
        .setComponents(rows(m))
        .setFiles(files(m))
        .setAllowedMentions(EnumSet.noneOf(MentionType.class))
        .build();
  }

  /** The whole message replaced by {@code message}: stale embeds, buttons and files go. */
  public static MessageEditData edit(ChatMessage message) {
    return MessageEditBuilder.fromCreateData(create(message)).setReplace(true).build();
  }

  private static List<MessageEmbed> embeds(ChatMessage m) {
    var out = new ArrayList<MessageEmbed>();
    for (ChatMessage.Embed e : m.embeds()) {
      var b = new EmbedBuilder().setColor(e.color());
      if (!e.title().isEmpty()) {
        b.setTitle(e.title(), e.url().isEmpty() ? null : e.url());
      }
      if (!e.description().isEmpty()) {
        b.setDescription(e.description());
      }
      e.fields().forEach(f -> b.addField(f.name(), f.value(), f.inline()));
      if (!e.footer().isEmpty()) {
        b.setFooter(e.footer());
      }
      if (e.timestamp() != null) {
        b.setTimestamp(e.timestamp());
      }
      if (!e.image().isEmpty()) {
        b.setImage(e.image());
      }
      out.add(b.build());
    }
    return out;
  }

  private static List<ActionRow> rows(ChatMessage m) {
    var rows = new ArrayList<ActionRow>();
    List<ChatMessage.Button> buttons = m.buttons();
    for (int i = 0; i < buttons.size(); i += MessageFitter.BUTTONS_PER_ROW) {
      rows.add(
          ActionRow.of(
              buttons
                  .subList(i, Math.min(buttons.size(), i + MessageFitter.BUTTONS_PER_ROW))
                  .stream()
                  .map(DiscordMessages::button)
                  .toList()));
    }
    return rows;
  }

  private static Button button(ChatMessage.Button b) {
    return switch (b.style()) {
      case LINK -> Button.link(b.url(), b.label());
      case PRIMARY -> Button.of(ButtonStyle.PRIMARY, b.id(), b.label());
      case SECONDARY -> Button.of(ButtonStyle.SECONDARY, b.id(), b.label());
      case SUCCESS -> Button.of(ButtonStyle.SUCCESS, b.id(), b.label());
      case DANGER -> Button.of(ButtonStyle.DANGER, b.id(), b.label());
    };
  }

  private static List<FileUpload> files(ChatMessage m) {
    return m.files().stream().map(f -> FileUpload.fromData(f.data(), f.name())).toList();
  }
}
