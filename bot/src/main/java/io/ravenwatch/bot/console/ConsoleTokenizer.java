package io.ravenwatch.bot.console;

import io.ravenwatch.bot.chat.CommandException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a console line into words: whitespace separates, {@code "…"} and {@code '…'} quote (joined
 * to adjacent text, so {@code note:"on it"} is one word), and inside double quotes {@code \"} and
 * {@code \\} escape. Nothing else is special: no variables, no globs, no command substitution, no
 * separators — {@code ; rm -rf /} and {@code $(…)} are plain text, and nothing is ever given to a
 * shell.
 */
final class ConsoleTokenizer {
  private ConsoleTokenizer() {}

  /**
   * The words of {@code line}.
   *
   * @throws CommandException on an unterminated quote
   */
  static List<String> tokenize(String line) throws CommandException {
    var words = new ArrayList<String>();
    var word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '"' || c == '\'') {
        inWord = true;
        i = quoted(line, i, word);
      } else {
        inWord = true;
        word.append(c);
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * Appends the quoted text starting at {@code open}; returns the index after the closing quote.
   */
  private static int quoted(String line, int open, StringBuilder word) throws CommandException {
    char quote = line.charAt(open);
    int i = open + 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == quote) {
        return i + 1;
      }
      if (quote == '"' && c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(i + 1);
        if (next == '"' || next == '\\') {
          word.append(next);
          i += 2;
          continue;
        }
      }
      word.append(c);
      i++;
    }
    throw new CommandException("Unterminated quote (" + quote + ") in that line.");
  }
}
