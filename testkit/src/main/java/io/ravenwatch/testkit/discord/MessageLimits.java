package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Discord's limits on a message body, checked like Discord does: every breach is collected and
 * reported at once in the nested {@code errors} object of a 50035 "Invalid Form Body".
 */
final class MessageLimits {
  static final int CONTENT = 2000;
  static final int EMBEDS = 10;
  static final int EMBED_TOTAL = 6000;
  static final int TITLE = 256;
  static final int DESCRIPTION = 4096;
  static final int FIELDS = 25;
  static final int FIELD_NAME = 256;
  static final int FIELD_VALUE = 1024;
  static final int FOOTER = 2048;
  static final int AUTHOR = 256;
  static final int ACTION_ROWS = 5;
  static final int ROW_COMPONENTS = 5;
  static final int CUSTOM_ID = 100;
  static final int LABEL = 80;

  private final ObjectNode errors = Json.object();

  private MessageLimits() {}

  /** Throws a 400 naming every limit the message breaks. */
  static void check(JsonNode message) {
    var limits = new MessageLimits();
    limits.checkMessage(message);
    if (!limits.errors.isEmpty()) {
      throw DiscordError.invalidFormBody(limits.errors);
    }
  }

  private void checkMessage(JsonNode message) {
    maxLength(message.path("content"), CONTENT, "content");
    JsonNode embeds = message.path("embeds");
    if (embeds.size() > EMBEDS) {
      error("BASE_TYPE_MAX_LENGTH", "Must be " + EMBEDS + " or fewer in length.", "embeds");
    }
    int total = 0;
    for (int i = 0; i < embeds.size(); i++) {
      total += checkEmbed(embeds.get(i), "embeds", Integer.toString(i));
    }
    if (total > EMBED_TOTAL) {
      error(
          "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of " + EMBED_TOTAL, "embeds");
    }
    JsonNode rows = message.path("components");
    if (rows.size() > ACTION_ROWS) {
      error(
          "BASE_TYPE_MAX_LENGTH", "Must be " + ACTION_ROWS + " or fewer in length.", "components");
    }
    for (int r = 0; r < rows.size(); r++) {
      JsonNode row = rows.get(r);
      String rowIndex = Integer.toString(r);
      JsonNode components = row.path("components");
      if (row.path("type").asInt() == 1 && components.size() > ROW_COMPONENTS) {
        error(
            "BASE_TYPE_MAX_LENGTH",
            "Must be " + ROW_COMPONENTS + " or fewer in length.",
            "components",
            rowIndex,
            "components");
      }
      for (int c = 0; c < components.size(); c++) {
        JsonNode component = components.get(c);
        String[] at = {"components", rowIndex, "components", Integer.toString(c)};
        maxLength(component.path("custom_id"), CUSTOM_ID, append(at, "custom_id"));
        maxLength(component.path("label"), LABEL, append(at, "label"));
      }
    }
  }

  /** Checks one embed and returns the characters it counts towards the 6,000 total. */
  private int checkEmbed(JsonNode embed, String... at) {
    int chars = 0;
    chars += maxLength(embed.path("title"), TITLE, append(at, "title"));
    chars += maxLength(embed.path("description"), DESCRIPTION, append(at, "description"));
    chars += maxLength(embed.path("footer").path("text"), FOOTER, append(at, "footer", "text"));
    chars += maxLength(embed.path("author").path("name"), AUTHOR, append(at, "author", "name"));
    JsonNode fields = embed.path("fields");
    if (fields.size() > FIELDS) {
      error(
          "BASE_TYPE_MAX_LENGTH",
          "Must be " + FIELDS + " or fewer in length.",
          append(at, "fields"));
    }
    for (int f = 0; f < fields.size(); f++) {
      String[] field = append(at, "fields", Integer.toString(f));
      chars += maxLength(fields.get(f).path("name"), FIELD_NAME, append(field, "name"));
      chars += maxLength(fields.get(f).path("value"), FIELD_VALUE, append(field, "value"));
    }
    return chars;
  }

  private int maxLength(JsonNode value, int max, String... path) {
    if (!value.isTextual()) {
      return 0;
    }
    int length = value.asText().codePointCount(0, value.asText().length());
    if (length > max) {
      error("BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.", path);
    }
    return length;
  }

  private void error(String code, String message, String... path) {
    ObjectNode node = errors;
    for (String key : path) {
      node = node.has(key) ? (ObjectNode) node.get(key) : node.putObject(key);
    }
    var list = node.has("_errors") ? node.withArray("_errors") : node.putArray("_errors");
    list.addObject().put("code", code).put("message", message);
  }

  private static String[] append(String[] path, String... more) {
    String[] result = new String[path.length + more.length];
    System.arraycopy(path, 0, result, 0, path.length);
    System.arraycopy(more, 0, result, path.length, more.length);
    return result;
  }
}
