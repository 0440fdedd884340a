package io.ravenwatch.alerts.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The stored form of an {@link AlertRecord}: a JSON document of kind {@value #KIND} keyed by the
 * fingerprint, with ISO-8601 times, snake_case keys and a format version. Unknown keys are ignored
 * so an older build can read a newer document.
 *
 * <pre>{@code
 * {"v":1,"fingerprint":"9f3c…","rule":"HostDown","labels":{"alertname":"HostDown",…},
 *  "severity":"CRITICAL","for_duration":"PT5M","keep_firing_for":"PT0S","state":"FIRING",
 *  "active_since":"2025-01-01T10:05:00Z","last_seen":"2025-01-01T10:07:00Z","max_gap":"PT1M",
 *  "history_bits":7,"history_count":3,"value":0.0,"annotations":{"summary":"db1 is down"}}
 * }</pre>
 */
final class AlertDocuments {

  /** The document kind in the {@code AlertStore}. */
  static final String KIND = "alert";

  private static final int VERSION = 1;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private AlertDocuments() {}

  /** The record as a document. */
  static String toJson(AlertRecord r) {
    var doc =
        new Doc(
            VERSION,
            r.fingerprint(),
            r.rule(),
            r.labels().map(),
            r.severity(),
            r.forDuration(),
            r.keepFiringFor(),
            r.state(),
            r.pendingSince(),
            r.activeSince(),
            r.falseSince(),
            r.resolvedAt(),
            r.lastSeen(),
            r.maxGap(),
            r.history().bits(),
            r.history().count(),
            r.value(),
            r.annotations());
    try {
      return MAPPER.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write alert document " + r.fingerprint(), e);
    }
  }

  /**
   * A record from its document.
   *
   * @throws IllegalArgumentException when the document is not a readable alert document
   */
  static AlertRecord fromJson(String json) {
    Doc d;
    try {
      d = MAPPER.readValue(json, Doc.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an alert document: " + e.getOriginalMessage(), e);
    }
    if (d.v() != VERSION) {
      throw new IllegalArgumentException("alert document version " + d.v() + " is not " + VERSION);
    }
    try {
      return new AlertRecord(
          d.fingerprint(),
          d.rule(),
          Labels.of(d.labels() == null ? Map.of() : d.labels()),
          d.severity(),
          d.forDuration(),
          d.keepFiringFor(),
          d.state(),
          d.pendingSince(),
          d.activeSince(),
          d.falseSince(),
          d.resolvedAt(),
          d.lastSeen(),
          d.maxGap() == null ? Duration.ZERO : d.maxGap(),
          new FlapHistory(d.historyBits(), d.historyCount()),
          d.value(),
          d.annotations() == null ? Map.of() : d.annotations());
    } catch (NullPointerException e) {
      throw new IllegalArgumentException("alert document lacks a required field", e);
    }
  }

  /** The JSON shape; kept apart from {@link AlertRecord} so the record can change freely. */
  private record Doc(
      int v,
      String fingerprint,
      String rule,
      Map<String, String> labels,
      Severity severity,
      Duration forDuration,
      Duration keepFiringFor,
      AlertState state,
      Instant pendingSince,
      Instant activeSince,
      Instant falseSince,
      Instant resolvedAt,
      Instant lastSeen,
      Duration maxGap,
      long historyBits,
      int historyCount,
      Double value,
      Map<String, String> annotations) {}
}
