package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The fake's one Jackson mapper and a few shorthands. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static JsonNode parse(byte[] bytes) {
    try {
      return bytes.length == 0 ? object() : MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new DiscordError(400, 50109, "The request body contains invalid JSON.", null);
    }
  }

  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Discord's ISO-8601 timestamps with an offset, as JDA's {@code OffsetDateTime.parse} wants. */
  static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Whether a JSON array holds this text (false for anything else). */
  static boolean contains(JsonNode array, String text) {
    if (array != null && array.isArray()) {
      for (JsonNode item : array) {
        if (text.equals(item.asText())) {
          return true;
        }
      }
    }
    return false;
  }
}
