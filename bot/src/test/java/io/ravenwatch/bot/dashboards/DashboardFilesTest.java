package io.ravenwatch.bot.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ravenwatch.alerts.engine.AlertHistory;
import io.ravenwatch.bot.chat.audit.AuditSinks;
import io.ravenwatch.bot.dashboards.Dashboards.Dashboard;
import io.ravenwatch.bot.dashboards.Dashboards.Query;
import io.ravenwatch.probes.influx.SelfMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard files without a server: they parse, every panel, variable and annotation uses the
 * provisioned datasource, panel ids are unique, and every query names only measurements Ravenwatch
 * writes. {@link DashboardQueriesIT} and {@link ContainerDashboardIT} run the queries against a
 * real InfluxDB.
 */
class DashboardFilesTest {
  /** What the probes write (Telegraf's names, see the probes' point builders). */
  static final Set<String> PROBE_MEASUREMENTS =
      Set.of(
          "ping",
          "net_response",
          "http_response",
          "x509_cert",
          "disk",
          "system",
          "cpu",
          "mem",
          "interface",
          "snmp",
          "ipmi_sensor",
          "docker_container_status",
          "docker_container_health",
          "docker_swarm",
          "kubernetes_deployment");

  /**
   * What Ravenwatch itself writes: self-health, the alert history, chat/maintenance annotations.
   */
  static final Set<String> OWN_MEASUREMENTS =
      Set.of(
          SelfMetrics.MEASUREMENT,
          AlertHistory.TRANSITIONS,
          AlertHistory.ACTIVE,
          AuditSinks.ANNOTATIONS);

  private final List<Dashboard> dashboards = Dashboards.all();

  private static String provisionedUid() throws IOException {
    String yml =
        Files.readString(Dashboards.directory().resolve("provisioning/datasources/influxdb.yml"));
    assertThat(yml).contains("type: influxdb");
    var m = Pattern.compile("(?m)^\\s+uid:\\s*(\\S+)").matcher(yml);
    assertThat(m.find()).as("a uid in the provisioned datasource").isTrue();
    return m.group(1);
  }

  @Test
  void thereIsOneDashboardPerView() {
    assertThat(dashboards)
        .extracting(Dashboard::file)
        .containsExactlyInAnyOrder(
            "overview.json", "host.json", "ipmi.json", "services.json", "incidents.json");
    assertThat(dashboards).extracting(Dashboard::uid).doesNotHaveDuplicates().doesNotContain("");
    assertThat(dashboards)
        .allSatisfy(d -> assertThat(d.json().path("schemaVersion").asInt()).isGreaterThan(36));
  }

  @Test
  void everyPanelVariableAndAnnotationUsesTheProvisionedDatasource() throws IOException {
    String uid = provisionedUid();
    var wrong = new ArrayList<String>();
    for (Dashboard d : dashboards) {
      for (JsonNode p : d.panels()) {
        if (p.path("type").asText().equals("row")) {
          continue;
        }
        check(wrong, d.title() + " / panel " + p.path("title"), p.path("datasource"), uid);
        for (JsonNode t : p.path("targets")) {
          check(
              wrong,
              d.title() + " / panel " + p.path("title") + " " + t.path("refId"),
              t.path("datasource"),
              uid);
        }
        if (p.path("targets").isEmpty()) {
          wrong.add(d.title() + " / panel " + p.path("title") + ": no query");
        }
      }
      for (JsonNode v : d.variables()) {
        check(wrong, d.title() + " / variable " + v.path("name"), v.path("datasource"), uid);
      }
      for (JsonNode a : d.annotations()) {
        check(wrong, d.title() + " / annotation " + a.path("name"), a.path("datasource"), uid);
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static void check(List<String> wrong, String where, JsonNode ds, String uid) {
    if (!ds.path("type").asText().equals("influxdb") || !ds.path("uid").asText().equals(uid)) {
      wrong.add(where + ": datasource " + ds + ", expected influxdb " + uid);
    }
  }

  @Test
  void panelIdsAreUniqueWithinEachDashboard() {
    for (Dashboard d : dashboards) {
      assertThat(d.panels())
          .as(d.title())
          .extracting(p -> p.path("id").asInt())
          .doesNotHaveDuplicates()
          .doesNotContain(0);
    }
  }

  @Test
  void everyQueryIsRawInfluxQlNamingOnlyMeasurementsRavenwatchWrites() {
    Set<String> known = new HashSet<>(PROBE_MEASUREMENTS);
    known.addAll(OWN_MEASUREMENTS);
    var wrong = new ArrayList<String>();
    var named = new HashSet<String>();
    for (Dashboard d : dashboards) {
      for (JsonNode p : d.panels()) {
        for (JsonNode t : p.path("targets")) {
          if (!t.path("rawQuery").asBoolean(false)) {
            wrong.add(d.title() + " / " + p.path("title") + ": not a raw query");
          }
        }
      }
      for (Query q : d.queries()) {
        if (q.text().isBlank()) {
          wrong.add(q.describe() + " is empty");
        }
        if (!Dashboards.fromIsQuoted(q.text())) {
          wrong.add(q.describe() + " names an unquoted measurement");
        }
        for (String m : Dashboards.measurements(q.text())) {
          named.add(m);
          if (!known.contains(m)) {
            wrong.add(q.describe() + " names measurement " + m + ", which nothing writes");
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(named)
        .as("every measurement Ravenwatch writes is on a dashboard")
        .containsAll(known);
  }

  @Test
  void variablesAreChainedRegionGroupHost() {
    for (Dashboard d : dashboards) {
      assertThat(d.variables())
          .extracting(v -> v.path("name").asText())
          .as(d.title())
          .containsExactly("region", "group", "host");
      Map<String, JsonNode> byName = new java.util.HashMap<>();
      d.variables().forEach(v -> byName.put(v.path("name").asText(), v));
      assertThat(byName.get("group").path("query").asText()).contains("/^$region$/");
      assertThat(byName.get("host").path("query").asText())
          .contains("WITH KEY = \"source\"", "/^$region$/", "/^$group$/");
      assertThat(d.variables())
          .allSatisfy(v -> assertThat(v.path("allValue").asText()).isEqualTo(".*"));
    }
  }

  @Test
  void grafanaExpansionEscapesValuesAndJoinsSeveral() {
    String q =
        "SELECT x FROM \"m\" WHERE \"source\" =~ /^$host$/ AND $timeFilter GROUP BY time($__interval)";
    assertThat(GrafanaMacros.expand(q, Map.of("host", List.of("a.b/c"))))
        .isEqualTo(
            "SELECT x FROM \"m\" WHERE \"source\" =~ /^a\\.b\\/c$/ AND time > now() - 1h GROUP BY time(10s)");
    assertThat(GrafanaMacros.expand(q, Map.of("host", List.of("a", "b")))).contains("/^(a|b)$/");
    assertThat(GrafanaMacros.expand(q, Map.of("host", GrafanaMacros.ALL))).contains("/^.*$/");
  }

  @Test
  void provisioningPointsGrafanaAtTheDashboards() throws IOException {
    String yml =
        Files.readString(Dashboards.directory().resolve("provisioning/dashboards/ravenwatch.yml"));
    assertThat(yml).contains("type: file", "path: /var/lib/grafana/dashboards");
    String ds =
        Files.readString(Dashboards.directory().resolve("provisioning/datasources/influxdb.yml"));
    assertThat(ds)
        .contains("${INFLUX_URL}", "${INFLUX_DB}", "${INFLUX_USER}", "${INFLUX_PASSWORD}");
  }
}
