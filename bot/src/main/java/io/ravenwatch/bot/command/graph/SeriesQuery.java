package io.ravenwatch.bot.command.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.ravenwatch.alerts.query.InfluxQuery;
import io.ravenwatch.probes.influx.InfluxSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a metric's time series from InfluxDB (through the alert engine's {@link InfluxQuery}): one
 * InfluxQL query with {@code GROUP BY time(bucket)}, every row kept.
 */
final class SeriesQuery {
  /** One line of the chart: its name and its points, oldest first. */
  record Line(String name, List<Instant> times, List<Double> values) {}

  /** The lines a query returned, or why it failed. */
  record Answer(List<Line> lines, String error) {}

  private final InfluxQuery influx;

  SeriesQuery(InfluxSettings settings) {
    this.influx = new InfluxQuery(settings);
  }

  /** The InfluxQL reading {@code metric} of {@code target} from {@code start} to {@code end}. */
  static String influxQl(
      Metric metric, String target, Instant start, Instant end, Duration bucket) {
    var q =
        new StringBuilder("SELECT ")
            .append(String.join(", ", metric.selects()))
            .append(" FROM ")
            .append(identifier(metric.measurement()))
            .append(" WHERE \"source\" = ")
            .append(literal(target));
    if (!metric.where().isEmpty()) {
      q.append(" AND ").append(metric.where());
    }
    q.append(" AND time >= ")
        .append(nanos(start))
        .append(" AND time < ")
        .append(nanos(end))
        .append(" GROUP BY time(")
        .append(bucket.toSeconds())
        .append("s)");
    if (!metric.groupBy().isEmpty()) {
      q.append(", ").append(identifier(metric.groupBy()));
    }
    return q.append(" fill(none)").toString();
  }

  Answer run(String influxQl, String groupBy) {
    InfluxQuery.Response response = influx.query(influxQl);
    return response.error() != null
        ? new Answer(List.of(), response.error())
        : parse(response.body(), groupBy);
  }

  static Answer parse(JsonNode body, String groupBy) {
    if (body == null) {
      return new Answer(List.of(), "empty answer");
    }
    if (body.has("error")) {
      return new Answer(List.of(), body.get("error").asText());
    }
    var lines = new ArrayList<Line>();
    for (JsonNode result : body.path("results")) {
      if (result.has("error")) {
        return new Answer(List.of(), result.get("error").asText());
      }
      for (JsonNode s : result.path("series")) {
        String tag = groupBy.isEmpty() ? "" : s.path("tags").path(groupBy).asText("");
        JsonNode columns = s.path("columns");
        for (int c = 1; c < columns.size(); c++) {
          String column = columns.get(c).asText();
          String name = tag.isEmpty() ? column : (columns.size() > 2 ? tag + " " + column : tag);
          var times = new ArrayList<Instant>();
          var values = new ArrayList<Double>();
          for (JsonNode row : s.path("values")) {
            JsonNode v = row.get(c);
            if (v != null && v.isNumber()) {
              times.add(Instant.EPOCH.plusNanos(row.get(0).asLong()));
              values.add(v.asDouble());
            }
          }
          if (!values.isEmpty()) {
            lines.add(new Line(name, times, values));
          }
        }
      }
    }
    return new Answer(lines, null);
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private static String identifier(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String literal(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
