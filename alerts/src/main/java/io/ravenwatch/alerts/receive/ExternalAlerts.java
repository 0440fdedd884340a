package io.ravenwatch.alerts.receive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.api.Severity;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the webhook payloads of Prometheus Alertmanager (version 4) and Grafana unified alerting
 * into {@link Observation}s, so external alerts get the same grouping, silences and acks as our
 * own.
 *
 * <p>Per alert: rule = the {@code alertname} label; severity from the {@code severity} label
 * ({@code critical}, {@code warning}, {@code info}; anything else or none: warning); labels as sent
 * (Grafana's internal {@code __…__} labels dropped), plus {@code source} = {@code instance} when
 * there is an instance and no source, plus {@code severity} when absent; active = status {@code
 * firing}; {@code for} and {@code keep_firing_for} 0, since the sender already waited. Annotations
 * kept: {@code summary}, {@code description}, {@code runbook_url} (Grafana: the payload's {@code
 * title}/{@code message} when an alert has none), and links {@code generator_url}, {@code
 * dashboard_url}, {@code panel_url} when present. Value: Grafana's first {@code values} entry (the
 * query or its reduction; later ones are usually the threshold's 0/1), else none.
 *
 * <p>Time: a firing alert is observed at its {@code startsAt}, a resolved one at its {@code
 * endsAt}; a missing, zero ({@code 0001-01-01…}) or future time is replaced by the clock's now.
 */
public final class ExternalAlerts {
  /** Which sender's dialect. */
  public enum Source {
    ALERTMANAGER,
    GRAFANA
  }

  /** A payload we cannot read; its message is safe to show the sender. */
  public static final class MalformedPayload extends Exception {
    MalformedPayload(String message) {
      super(message);
    }
  }

  private static final List<String> KEPT_ANNOTATIONS =
      List.of("summary", "description", "runbook_url");

  private final ObjectMapper mapper = new ObjectMapper();
  private final Clock clock;

  public ExternalAlerts(Clock clock) {
    this.clock = clock;
  }

  /**
   * The observations in one webhook payload, in the payload's order.
   *
   * @throws MalformedPayload when the body is not JSON of the expected shape
   */
  public List<Observation> parse(byte[] body, Source source) throws MalformedPayload {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new MalformedPayload("not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedPayload("not JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedPayload("expected a JSON object");
    }
    JsonNode alerts = root.get("alerts");
    if (alerts == null || !alerts.isArray()) {
      throw new MalformedPayload("expected an 'alerts' array");
    }
    var observations = new ArrayList<Observation>(alerts.size());
    for (int i = 0; i < alerts.size(); i++) {
      observations.add(observation(alerts.get(i), root, source, "alerts[" + i + "]"));
    }
    return observations;
  }

  private Observation observation(JsonNode alert, JsonNode root, Source source, String path)
      throws MalformedPayload {
    if (!alert.isObject()) {
      throw new MalformedPayload(path + ": expected an object");
    }
    Map<String, String> labels = strings(alert.get("labels"), path + ".labels");
    labels.keySet().removeIf(k -> k.startsWith("__"));
    if (labels.isEmpty()) {
      throw new MalformedPayload(path + ".labels: expected at least one label");
    }
    String status = text(alert, "status", text(root, "status", ""));
    boolean active =
        switch (status.toLowerCase(Locale.ROOT)) {
          case "firing" -> true;
          case "resolved" -> false;
          default ->
              throw new MalformedPayload(
                  path + ".status: expected firing or resolved, found '" + status + "'");
        };
    Severity severity = severity(labels.get("severity"));
    labels.putIfAbsent("severity", severity.name().toLowerCase(Locale.ROOT));
    String instance = labels.get("instance");
    if (instance != null && !instance.isEmpty()) {
      labels.putIfAbsent("source", instance);
    }
    String rule = labels.getOrDefault("alertname", "unnamed");
    return new Observation(
        rule,
        severity,
        Duration.ZERO,
        Duration.ZERO,
        Labels.of(labels),
        active,
        source == Source.GRAFANA ? firstValue(alert.get("values")) : null,
        annotations(alert, root, source, path),
        observedAt(alert, active));
  }

  private Map<String, String> annotations(JsonNode alert, JsonNode root, Source source, String path)
      throws MalformedPayload {
    Map<String, String> all = strings(alert.get("annotations"), path + ".annotations");
    var kept = new LinkedHashMap<String, String>();
    for (String key : KEPT_ANNOTATIONS) {
      String v = all.get(key);
      if (v != null && !v.isEmpty()) {
        kept.put(key, v);
      }
    }
    if (source == Source.GRAFANA) {
      putIfText(kept, "summary", text(root, "title", ""));
      putIfText(kept, "description", text(root, "message", ""));
    }
    putIfText(kept, "generator_url", text(alert, "generatorURL", ""));
    putIfText(kept, "dashboard_url", text(alert, "dashboardURL", ""));
    putIfText(kept, "panel_url", text(alert, "panelURL", ""));
    return kept;
  }

  private Instant observedAt(JsonNode alert, boolean active) {
    Instant now = clock.instant();
    Instant at = time(text(alert, active ? "startsAt" : "endsAt", ""));
    // Year 1 is Go's zero time: "not set".
    if (at == null || at.isAfter(now) || at.isBefore(Instant.parse("1971-01-01T00:00:00Z"))) {
      return now;
    }
    return at;
  }

  private static Instant time(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Severity severity(String label) {
    if (label == null) {
      return Severity.WARNING;
    }
    return switch (label.strip().toLowerCase(Locale.ROOT)) {
      case "critical" -> Severity.CRITICAL;
      case "info" -> Severity.INFO;
      default -> Severity.WARNING;
    };
  }

  private static Double firstValue(JsonNode values) {
    if (values == null || !values.isObject()) {
      return null;
    }
    var it = values.elements();
    while (it.hasNext()) {
      JsonNode v = it.next();
      if (v.isNumber()) {
        return v.asDouble();
      }
    }
    return null;
  }

  private static Map<String, String> strings(JsonNode node, String path) throws MalformedPayload {
    var map = new TreeMap<String, String>();
    if (node == null || node.isNull()) {
      return map;
    }
    if (!node.isObject()) {
      throw new MalformedPayload(path + ": expected an object of strings");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isValueNode()) {
        throw new MalformedPayload(path + "." + e.getKey() + ": expected a string");
      }
      map.put(e.getKey(), e.getValue().asText());
    }
    return map;
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || !v.isValueNode() ? fallback : v.asText();
  }

  private static void putIfText(Map<String, String> map, String key, String value) {
    if (!value.isEmpty()) {
      map.putIfAbsent(key, value);
    }
  }
}
