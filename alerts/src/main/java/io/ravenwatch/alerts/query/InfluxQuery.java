package io.ravenwatch.alerts.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ravenwatch.probes.influx.InfluxSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs InfluxQL queries over the v1 API ({@code GET /query?db=&q=&epoch=ns}), which InfluxDB 1.x,
 * 2.x (with a DBRP mapping) and 3.x all serve. A failure is an {@link Answer} with an error, never
 * an exception.
 */
public final class InfluxQuery {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One series of a result: its name, tags, and its newest row by column name. */
  public record Series(String name, Map<String, String> tags, Map<String, Object> lastRow) {}

  /** The series a query returned, or why it failed. */
  public record Answer(List<Series> series, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  private final HttpClient http;
  private final InfluxSettings settings;

  public InfluxQuery(InfluxSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
  }

  /**
   * The JSON body InfluxDB answered to one query with status 200, or why there is none.
   *
   * @param body the JSON answer (may itself hold an {@code error}); null when {@code error} is set
   * @param error why the query got no answer (HTTP status with InfluxDB's reason, I/O), or null
   */
  public record Response(JsonNode body, String error) {}

  /** Runs one query against the configured database; the series' newest rows. */
  public Answer run(String influxQl) {
    Response response = query(influxQl);
    return response.error() != null
        ? new Answer(List.of(), response.error())
        : parse(response.body());
  }

  /**
   * Runs one query and returns InfluxDB's JSON as it is, for callers that read every row (graphs).
   */
  public Response query(String influxQl) {
    var url =
        new StringBuilder(settings.url().replaceAll("/+$", ""))
            .append("/query?epoch=ns&db=")
            .append(encode(settings.database()))
            .append("&q=")
            .append(encode(influxQl));
    if (settings.retentionPolicy() != null) {
      url.append("&rp=").append(encode(settings.retentionPolicy()));
    }
    if (settings.username() != null && settings.password() != null) {
      url.append("&u=")
          .append(encode(settings.username().reveal()))
          .append("&p=")
          .append(encode(settings.password().reveal()));
    }
    var request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(settings.timeout());
    if (settings.token() != null) {
      request.header("Authorization", "Token " + settings.token().reveal());
    }
    try {
      HttpResponse<String> response =
          http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
      if (response.statusCode() != 200) {
        String why = body != null && body.has("error") ? body.get("error").asText() : "";
        return new Response(null, ("HTTP " + response.statusCode() + " " + why).strip());
      }
      return new Response(body, null);
    } catch (IOException e) {
      // Never the URL: it carries the password as a query parameter.
      return new Response(null, "cannot query InfluxDB: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(null, "interrupted");
    }
  }

  static Answer parse(JsonNode body) {
    var out = new ArrayList<Series>();
    if (body == null) {
      return new Answer(out, "empty answer");
    }
    if (body.has("error")) {
      return new Answer(out, body.get("error").asText());
    }
    for (JsonNode result : body.path("results")) {
      if (result.has("error")) {
        return new Answer(out, result.get("error").asText());
      }
      for (JsonNode s : result.path("series")) {
        var tags = new LinkedHashMap<String, String>();
        s.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        JsonNode values = s.path("values");
        if (values.isEmpty()) {
          continue;
        }
        JsonNode last = values.get(values.size() - 1);
        var row = new LinkedHashMap<String, Object>();
        JsonNode columns = s.path("columns");
        for (int i = 0; i < columns.size(); i++) {
          row.put(columns.get(i).asText(), scalar(last.get(i)));
        }
        out.add(new Series(s.path("name").asText(), tags, row));
      }
    }
    return new Answer(out, null);
  }

  private static Object scalar(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    return v.asText();
  }

  /** The time of a row (epoch nanoseconds), or {@code fallback}. */
  static Instant time(Map<String, Object> row, Instant fallback) {
    return row.get("time") instanceof Long ns
        ? Instant.ofEpochSecond(0, 0).plusNanos(ns)
        : fallback;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The request timeout, for callers that schedule queries. */
  Duration timeout() {
    return settings.timeout();
  }
}
