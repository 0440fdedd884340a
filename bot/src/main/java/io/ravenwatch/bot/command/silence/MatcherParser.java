package io.ravenwatch.bot.command.silence;

import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.silence.Matcher;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.command.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads silence matchers as Alertmanager writes them: {@code source=web1,alertname=~"disk.*"},
 * optionally in braces, with {@code =}, {@code !=}, {@code =~} and {@code !~}. A value with a comma
 * (a regex like {@code a{1,3}}) must be quoted; in quotes, {@code \"} and {@code \\} escape.
 */
final class MatcherParser {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String text;
  private int pos;

  private MatcherParser(String text) {
    this.text = text;
  }

  /**
   * The matchers of {@code text}.
   *
   * @throws CommandException naming the bad part: syntax, an invalid regex, or matchers that would
   *     silence every alert
   */
  static List<Matcher> parse(String text) throws CommandException {
    String t = text == null ? "" : text.strip();
    if (t.startsWith("{") && t.endsWith("}")) {
      t = t.substring(1, t.length() - 1).strip();
    }
    if (t.isEmpty()) {
      throw new CommandException(
          "Give at least one matcher, e.g. `source=web1,alertname=~disk.*`.");
    }
    var parser = new MatcherParser(t);
    var out = new ArrayList<Matcher>();
    while (true) {
      out.add(parser.matcher());
      parser.skipSpaces();
      if (parser.pos >= t.length()) {
        break;
      }
      parser.pos++; // the comma: matcher() stops only at a comma or the end
    }
    if (out.stream().allMatch(m -> m.matches(Labels.EMPTY))) {
      // Alertmanager's rule too: a silence whose matchers all match nothing would mute everything.
      throw new CommandException(
          "These matchers would silence every alert: at least one must need a label value.");
    }
    return out;
  }

  private Matcher matcher() throws CommandException {
    skipSpaces();
    var name = NAME.matcher(text).region(pos, text.length());
    if (!name.lookingAt()) {
      throw bad("a label name");
    }
    pos = name.end();
    skipSpaces();
    Matcher.Op op = op();
    skipSpaces();
    String value = value();
    String label = name.group();
    if (op == Matcher.Op.RE || op == Matcher.Op.NRE) {
      try {
        Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new CommandException(
            "Bad regex in `"
                + label
                + op.symbol()
                + Limits.cut(value, 60)
                + "`: "
                + e.getDescription()
                + ".");
      }
    }
    return new Matcher(label, op, value);
  }

  private Matcher.Op op() throws CommandException {
    for (Matcher.Op op : List.of(Matcher.Op.RE, Matcher.Op.NRE, Matcher.Op.NE, Matcher.Op.EQ)) {
      if (text.startsWith(op.symbol(), pos)) {
        pos += op.symbol().length();
        return op;
      }
    }
    throw bad("one of =, !=, =~, !~");
  }

  private String value() throws CommandException {
    var v = new StringBuilder();
    if (pos < text.length() && text.charAt(pos) == '"') {
      pos++;
      while (pos < text.length() && text.charAt(pos) != '"') {
        char c = text.charAt(pos++);
        if (c == '\\' && pos < text.length()) {
          char next = text.charAt(pos++);
          if (next != '"' && next != '\\') {
            v.append('\\'); // a regex escape such as \d stays as written
          }
          v.append(next);
        } else {
          v.append(c);
        }
      }
      if (pos >= text.length()) {
        throw new CommandException("A quoted value has no closing `\"`.");
      }
      pos++;
      skipSpaces();
      if (pos < text.length() && text.charAt(pos) != ',') {
        throw bad("a comma after the quoted value");
      }
      return v.toString();
    }
    while (pos < text.length() && text.charAt(pos) != ',') {
      v.append(text.charAt(pos++));
    }
    return v.toString().strip();
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private CommandException bad(String expected) {
    String near = text.substring(Math.min(pos, text.length()));
    return new CommandException(
        "Bad matcher: expected "
            + expected
            + (near.isEmpty() ? " at the end" : " at `" + Limits.cut(near, 40) + "`")
            + ". Example: `source=web1,alertname=~disk.*`.");
  }
}
