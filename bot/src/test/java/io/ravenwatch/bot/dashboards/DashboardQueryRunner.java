package io.ravenwatch.bot.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ravenwatch.bot.dashboards.Dashboards.Dashboard;
import io.ravenwatch.bot.dashboards.Dashboards.Kind;
import io.ravenwatch.bot.dashboards.Dashboards.Query;
import io.ravenwatch.testkit.InfluxServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs dashboard queries against a real InfluxDB as Grafana sends them (expanded by {@link
 * GrafanaMacros} with the test's variable values) and says which fail Grafana: an error, no data, a
 * column that is null in every row (a field nothing writes, selected beside one that is), or a
 * variable that does not offer the value the test chose. Shared by the dashboard ITs.
 */
final class DashboardQueryRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InfluxServer influx;
  private final String database;

  private DashboardQueryRunner(InfluxServer influx, String database) {
    this.influx = influx;
    this.database = database;
  }

  /**
   * A query passes when each of its columns has a value in some row: the test data has every field
   * a panel selects (a sensor's BMC thresholds included), so a null column is a name nothing
   * writes.
   */
  static DashboardQueryRunner everyColumn(InfluxServer influx, String database) {
    return new DashboardQueryRunner(influx, database);
  }

  /** Chosen values of the chained variables every dashboard has. */
  static Map<String, List<String>> vars(
      List<String> region, List<String> group, List<String> host) {
    return Map.of("region", region, "group", group, "host", host);
  }

  /**
   * Each failing query of the dashboard that {@code which} selects, named with its dashboard, panel
   * (or variable) and expanded text, and why it fails.
   */
  List<String> failures(Dashboard d, Map<String, List<String>> values, Predicate<Query> which) {
    var failures = new ArrayList<String>();
    for (Query q : d.queries()) {
      if (!which.test(q)) {
        continue;
      }
      String expanded = GrafanaMacros.expand(q.text(), values);
      String problem = problem(expanded, q, values);
      if (problem != null) {
        failures.add(q.describe() + "\n    ran: " + expanded + "\n    " + problem);
      }
    }
    return failures;
  }

  /** Why the query's answer is not what Grafana needs, or null. */
  private String problem(String expanded, Query q, Map<String, List<String>> values) {
    JsonNode result;
    try {
      result = JSON.readTree(influx.query(expanded, database)).path("results").path(0);
    } catch (RuntimeException | IOException e) {
      return "failed: " + e.getMessage();
    }
    if (result.has("error")) {
      return "InfluxDB error: " + result.path("error").asText();
    }
    var rows = new ArrayList<String>();
    var columns = new LinkedHashSet<String>();
    var filled = new HashSet<String>();
    for (JsonNode series : result.path("series")) {
      series.path("columns").forEach(c -> columns.add(c.asText()));
      for (JsonNode row : series.path("values")) {
        rows.add(row.path(row.size() - 1).asText());
        for (int i = 0; i < row.size(); i++) {
          if (!row.path(i).isNull()) {
            filled.add(series.path("columns").path(i).asText());
          }
        }
      }
    }
    if (rows.isEmpty()) {
      return "returned no data";
    }
    // A field nothing writes still comes back as a column, null in every row, beside others.
    columns.removeAll(filled);
    if (!columns.isEmpty()) {
      return "column(s) " + columns + " are null in every row";
    }
    if (q.kind() == Kind.VARIABLE) {
      List<String> chosen = values.get(q.owner());
      if (!chosen.equals(GrafanaMacros.ALL) && !rows.containsAll(chosen)) {
        return "offers " + rows + ", not the test's choice " + chosen;
      }
    }
    return null;
  }
}
