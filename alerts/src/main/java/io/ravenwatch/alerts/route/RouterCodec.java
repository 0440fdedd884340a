package io.ravenwatch.alerts.route;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
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
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ravenwatch.alerts.api.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The JSON of the router's documents: groups (kind {@code "group"}) and recent recoveries. */
final class RouterCodec {
  private static final TypeReference<Map<String, Instant>> RECOVERIES = new TypeReference<>() {};

  private final ObjectMapper mapper;

  RouterCodec() {
    var labels = new SimpleModule("labels");
    labels.addSerializer(
        Labels.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(Labels value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            gen.writeObject(value.map());
          }
        });
    labels.addDeserializer(
        Labels.class,
        new JsonDeserializer<>() {
          @Override
          public Labels deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            TreeMap<String, String> map =
                p.readValueAs(new TypeReference<TreeMap<String, String>>() {});
            return new Labels(map);
          }
        });
    mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(labels)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Documents outlive versions: a field added later must not break reading old ones.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
  }

  String write(Group g) {
    return write((Object) g);
  }

  Group readGroup(String json) {
    return read(json, Group.class);
  }

  String writeRecoveries(Map<String, Instant> recoveries) {
    return write(recoveries);
  }

  Map<String, Instant> readRecoveries(String json) {
    try {
      return mapper.readValue(json, RECOVERIES);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String write(Object o) {
    try {
      return mapper.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
