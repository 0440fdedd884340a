package io.ravenwatch.testkit.discord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal multipart/form-data reader for the bodies JDA sends with files. */
final class Multipart {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  /** One part; {@code filename} and {@code contentType} are null when absent. */
  record Part(String name, String filename, String contentType, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private Multipart() {}

  static boolean is(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  static List<Part> parse(String contentType, byte[] body) {
    Matcher m = BOUNDARY.matcher(contentType);
    if (!m.find()) {
      throw new DiscordError(400, 50109, "multipart body without boundary", null);
    }
    byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    var parts = new ArrayList<Part>();
    int start = indexOf(body, delimiter, 0);
    while (start >= 0) {
      int headersStart = start + delimiter.length;
      if (headersStart + 1 < body.length
          && body[headersStart] == '-'
          && body[headersStart + 1] == '-') {
        break; // the closing delimiter
      }
      headersStart += 2; // CRLF after the delimiter
      int headersEnd =
          indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      int next = indexOf(body, delimiter, headersEnd);
      if (headersEnd < 0 || next < 0) {
        break;
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      int contentStart = headersEnd + 4;
      int contentEnd = next - 2; // CRLF before the next delimiter
      byte[] content = new byte[Math.max(0, contentEnd - contentStart)];
      System.arraycopy(body, contentStart, content, 0, content.length);
      parts.add(
          new Part(group(NAME, headers), group(FILENAME, headers), contentType(headers), content));
      start = next;
    }
    return parts;
  }

  private static String contentType(String headers) {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
        return line.substring("content-type:".length()).trim();
      }
    }
    return null;
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
