package io.ravenwatch.alerts.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ravenwatch.alerts.api.Labels;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one Jackson mapper of the alert engine's stored JSON (notifications, matchers, scopes, state
 * documents). Times are ISO-8601 text ({@code 2026-11-22T05:13:08.123456Z}, full precision),
 * durations ISO ({@code PT1H}), {@link Labels} a plain object ({@code {"source":"db1"}}).
 *
 * <pre>{@code
 * String text = Json.write(notification);
 * Notification back = Json.read(text, Notification.class);
 * }</pre>
 *
 * <p>Unknown properties are ignored so that a document written by a newer version still loads;
 * {@code isX()} methods are not properties (e.g. {@code Scope.isEmpty()} is derived, not stored).
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(labelsModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
          .build();

  private Json() {}

  /** The shared mapper (thread-safe; do not reconfigure it). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A value as JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON", e);
    }
  }

  /** JSON text as a value of {@code type}; a malformed text is a bug or a corrupt store. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read " + type.getSimpleName() + " from JSON", e);
    }
  }

  /** JSON text as a generic value, e.g. {@code new TypeReference<List<Matcher>>() {}}. */
  public static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read " + type.getType() + " from JSON", e);
    }
  }

  // Labels is a record over a map: as a record it would nest as {"map":{…}}; stored as the map
  // itself it reads like Alertmanager's labels and survives a rename of the component.
  private static SimpleModule labelsModule() {
    var module = new SimpleModule("ravenwatch-labels");
    module.addSerializer(
        Labels.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(Labels labels, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeStartObject();
            for (Map.Entry<String, String> e : labels.map().entrySet()) {
              gen.writeStringField(e.getKey(), e.getValue());
            }
            gen.writeEndObject();
          }
        });
    module.addDeserializer(
        Labels.class,
        new JsonDeserializer<>() {
          @Override
          public Labels deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            TreeMap<String, String> map =
                parser.readValueAs(new TypeReference<TreeMap<String, String>>() {});
            return map == null ? Labels.EMPTY : new Labels(map);
          }
        });
    return module;
  }
}
