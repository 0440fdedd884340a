package io.ravenwatch.bot.command;

import io.ravenwatch.bot.chat.ChatMessage;
import java.util.List;

/**
 * Discord's message limits, and the helpers that keep long answers inside them: a list too long for
 * its place ends with "+N more" instead of being rejected by Discord.
 */
public final class Limits {
  public static final int TITLE = 256;
  public static final int DESCRIPTION = 4096;
  public static final int FIELDS = 25;
  public static final int FIELD_NAME = 256;
  public static final int FIELD_VALUE = 1024;
  public static final int FOOTER = 2048;

  /** Title, description, field names and values, footer: of every embed of a message together. */
  public static final int TOTAL = 6000;

  public static final int EMBEDS = 10;

  /** Autocomplete answers at most this many suggestions. */
  public static final int SUGGESTIONS = 25;

  /** A suggestion's label and value. */
  public static final int SUGGESTION = 100;

  private Limits() {}

  /** {@code s} cut to {@code max} characters, ending with an ellipsis when cut. */
  public static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    return max <= 1 ? s.substring(0, Math.max(0, max)) : s.substring(0, max - 1) + "…";
  }

  /**
   * As many whole lines as fit in {@code max} characters, then "+N more" for the rest: the lines
   * are ordered worst first, so what is cut is what matters least.
   */
  public static String lines(List<String> lines, int max) {
    var out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = cut(lines.get(i), max);
      int left = lines.size() - i - 1;
      // Room for this line, and for the "+N more" line should a later one not fit.
      String more = left == 0 ? "" : "\n+" + left + " more";
      int needed = (out.isEmpty() ? 0 : 1) + line.length();
      if (out.length() + needed + more.length() > max) {
        String rest = (out.isEmpty() ? "" : "\n") + "+" + (lines.size() - i) + " more";
        return out.append(rest).toString();
      }
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(line);
    }
    return out.toString();
  }

  /** The characters of an embed that count towards {@link #TOTAL}. */
  public static int size(ChatMessage.Embed e) {
    int n = e.title().length() + e.description().length() + e.footer().length();
    for (ChatMessage.Field f : e.fields()) {
      n += f.name().length() + f.value().length();
    }
    return n;
  }

  /** The characters of every embed of a message, which Discord caps at {@link #TOTAL}. */
  public static int size(ChatMessage m) {
    return m.embeds().stream().mapToInt(Limits::size).sum();
  }

  /** Whether a message is inside every limit above (what the tests check every answer against). */
  public static boolean fits(ChatMessage m) {
    if (m.embeds().size() > EMBEDS || size(m) > TOTAL || m.content().length() > 2000) {
      return false;
    }
    for (ChatMessage.Embed e : m.embeds()) {
      if (e.title().length() > TITLE
          || e.description().length() > DESCRIPTION
          || e.fields().size() > FIELDS
          || e.footer().length() > FOOTER) {
        return false;
      }
      for (ChatMessage.Field f : e.fields()) {
        if (f.name().length() > FIELD_NAME || f.value().length() > FIELD_VALUE) {
          return false;
        }
      }
    }
    return true;
  }
}
