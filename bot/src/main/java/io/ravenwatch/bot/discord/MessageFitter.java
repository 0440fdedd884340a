package io.ravenwatch.bot.discord;

import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.ChatMessage.Button;
import io.ravenwatch.bot.chat.ChatMessage.Embed;
import io.ravenwatch.bot.chat.ChatMessage.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts a {@link ChatMessage} to Discord's limits before it is sent, so that Discord never rejects a
 * message: texts are cut with an ellipsis, embeds past the 10th or past the 6,000 characters of a
 * message are dropped (a "+N more" note says so), fields past 25 likewise, buttons past 25 and
 * buttons whose custom id is over 100 characters (a cut id would route nowhere) are dropped, empty
 * embeds are left out and an empty message gets a placeholder.
 */
final class MessageFitter {
  private static final Logger logger = LoggerFactory.getLogger(MessageFitter.class);

  static final int CONTENT = 2000;
  static final int EMBEDS = 10;
  static final int TOTAL = 6000;
  static final int TITLE = 256;
  static final int DESCRIPTION = 4096;
  static final int FIELDS = 25;
  static final int FIELD_NAME = 256;
  static final int FIELD_VALUE = 1024;
  static final int FOOTER = 2048;
  static final int BUTTONS = 25;
  static final int BUTTONS_PER_ROW = 5;
  static final int BUTTON_LABEL = 80;
  static final int CUSTOM_ID = 100;
  static final int BUTTON_URL = 512;
  static final int FILES = 10;

  /** What JDA accepts as a link (titles, images, link buttons). */
  private static final Pattern URL = Pattern.compile("(https?|attachment)://\\S+");

  /** Shown instead of a message with nothing in it, which Discord refuses. */
  static final String EMPTY = "(nothing to show)";

  private MessageFitter() {}

  /** {@code message} inside every Discord limit; unchanged when it already fits. */
  static ChatMessage fit(ChatMessage message) {
    List<Embed> embeds = embeds(message.embeds());
    int droppedEmbeds = message.embeds().size() - embeds.size();
    String content = message.content();
    if (droppedEmbeds > 0) {
      // The dropped cards come last: they were ordered worst first by the command.
      content = (content.isEmpty() ? "" : content + "\n") + "+" + droppedEmbeds + " more not shown";
    }
    content = cut(content, CONTENT);
    List<Button> buttons = buttons(message.buttons());
    List<ChatMessage.File> files = message.files().stream().limit(FILES).toList();
    if (content.isBlank() && embeds.isEmpty() && buttons.isEmpty() && files.isEmpty()) {
      content = EMPTY;
    }
    return new ChatMessage(content, embeds, buttons, files, message.ephemeral());
  }

  private static List<Embed> embeds(List<Embed> all) {
    var out = new ArrayList<Embed>();
    int budget = TOTAL;
    for (Embed e : all) {
      if (out.size() == EMBEDS || budget <= 0) {
        break;
      }
      String title = cut(e.title(), Math.min(TITLE, budget));
      budget -= title.length();
      String footer = cut(e.footer(), Math.min(FOOTER, budget));
      budget -= footer.length();
      String description = cut(e.description(), Math.min(DESCRIPTION, budget));
      budget -= description.length();
      var fields = new ArrayList<Field>();
      for (Field f : e.fields()) {
        if (fields.size() == FIELDS) {
          break;
        }
        String name = blankless(cut(f.name(), FIELD_NAME));
        String value = blankless(cut(f.value(), FIELD_VALUE));
        if (name.length() + value.length() > budget) {
          if (budget - name.length() >= 20) {
            value = cut(value, budget - name.length());
            fields.add(new Field(name, value, f.inline()));
            budget -= name.length() + value.length();
          }
          break;
        }
        fields.add(new Field(name, value, f.inline()));
        budget -= name.length() + value.length();
      }
      int droppedFields = e.fields().size() - fields.size();
      if (droppedFields > 0) {
        String note = (footer.isEmpty() ? "" : " · ") + "+" + droppedFields + " more";
        if (note.length() <= budget && footer.length() + note.length() <= FOOTER) {
          footer += note;
          budget -= note.length();
        }
      }
      String url = !title.isEmpty() && isUrl(e.url()) ? e.url() : "";
      String image = isUrl(e.image()) ? e.image() : "";
      var fitted =
          new Embed(title, description, e.color(), fields, footer, url, e.timestamp(), image);
      if (!isEmpty(fitted)) {
        out.add(fitted);
      }
    }
    return out;
  }

  private static List<Button> buttons(List<Button> all) {
    var out = new ArrayList<Button>();
    var ids = new HashSet<String>();
    for (Button b : all) {
      if (out.size() == BUTTONS) {
        logger.warn("more than {} buttons: {} dropped", BUTTONS, all.size() - BUTTONS);
        break;
      }
      String label = cut(b.label() == null || b.label().isBlank() ? "…" : b.label(), BUTTON_LABEL);
      if (b.style() == Button.Style.LINK) {
        if (isUrl(b.url()) && b.url().length() <= BUTTON_URL && !b.url().startsWith("attach")) {
          out.add(Button.link(label, b.url()));
        }
      } else if (b.id() == null || b.id().isBlank() || b.id().length() > CUSTOM_ID) {
        logger.warn("button '{}' dropped: its custom id must have 1 to {} chars", label, CUSTOM_ID);
      } else if (ids.add(b.id())) {
        out.add(Button.of(b.id(), label, b.style()));
      }
    }
    return out;
  }

  private static boolean isEmpty(Embed e) {
    return e.title().isEmpty()
        && e.description().isEmpty()
        && e.fields().isEmpty()
        && e.footer().isEmpty()
        && e.image().isEmpty()
        && e.timestamp() == null;
  }

  static boolean isUrl(String s) {
    return s != null && s.length() <= 2000 && URL.matcher(s).matches();
  }

  /** Discord refuses blank field names and values: a zero-width space stands in. */
  private static String blankless(String s) {
    return s.isBlank() ? "\u200b" : s;
  }

  /** {@code s} cut to {@code max} characters, ending with an ellipsis when cut. */
  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    if (max <= 1) {
      return s.substring(0, Math.max(0, max));
    }
    int end = max - 1;
    // Never split a surrogate pair: half an emoji is not valid text.
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }
}
