package io.ravenwatch.bot.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.rule.RuleLoader;
import io.ravenwatch.bot.Main;
import io.ravenwatch.bot.Ravenwatch;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.testkit.InfluxServer;
import io.ravenwatch.testkit.PostgresServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health endpoint of Ravenwatch as it runs, over HTTP, with its alert state in a real
 * PostgreSQL and its points going to a real InfluxDB — each stopped in turn.
 */
class HealthEndpointIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  record Answer(int code, String body) {}

  private static Answer get(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  @Test
  @DisplayName(
      "live and ready answer 200; InfluxDB stopped is degraded but ready; PostgreSQL stopped is"
          + " 503 naming alert_store, while live stays 200")
  void endpointFollowsTheDependencies() throws Exception {
    // Not a resource of the try: the test stops it halfway (close() is safe to call again).
    PostgresServer postgres = PostgresServer.launch();
    try (var influx = InfluxServer.launch()) {
      influx.createDatabase("health");
      postgres.createDatabase("health");
      String yaml =
          """
          data_dir: %s
          influxdb: {url: "%s", database: health, flush_interval: 200ms, timeout: 1s}
          defaults: {interval: 1s, timeout: 1s, retries: 0}
          hosts:
            lab1: {address: 127.0.0.1, probes: [{type: disk, paths: [/]}]}
          alerts:
            store: {url: "%s", username: "${PG_USER}", pool_size: 2}
          health: {listen: "127.0.0.1:0", check_timeout: 2s}
          """
              .formatted(dataDir, influx.url(), postgres.jdbcUrl("health"));
      var config =
          ConfigLoader.parse(
              yaml,
              "health.yml",
              Map.of("PG_USER", PostgresServer.USER),
              ProbeRegistry.standard(),
              Setup.sections());
      var setup = new Setup(config, RuleLoader.standard().load((Path) null, true));

      try (var app = Ravenwatch.start(setup, Clock.systemUTC(), List.of())) {
        URI base = app.health().orElseThrow().baseUri();
        URI live = base.resolve(HealthServer.LIVE);
        URI ready = base.resolve(HealthServer.READY);

        Answer alive = get(live);
        assertThat(alive.code()).isEqualTo(200);
        assertThat(alive.body())
            .isEqualTo(
                "{\"status\":\"up\",\"checks\":"
                    + "[{\"name\":\"scheduler\",\"status\":\"up\",\"detail\":\"polling\"}]}");

        Answer allUp = get(ready);
        assertThat(allUp.code()).as(allUp.body()).isEqualTo(200);
        assertThat(allUp.body())
            .startsWith("{\"status\":\"up\",")
            .contains("{\"name\":\"scheduler\",\"status\":\"up\",\"detail\":\"polling\"}")
            .contains("{\"name\":\"alert_store\",\"status\":\"up\"")
            .contains("{\"name\":\"influxdb\",\"status\":\"up\",\"detail\":\"reachable at ")
            .contains("{\"name\":\"discord\",\"status\":\"disabled\"");
        assertThat(cli(ready.toString())).isZero();

        influx.stop();
        Answer spooling = get(ready);
        assertThat(spooling.code()).as(spooling.body()).isEqualTo(200);
        assertThat(spooling.body())
            .startsWith("{\"status\":\"degraded\",")
            .contains("{\"name\":\"influxdb\",\"status\":\"degraded\",\"detail\":\"unreachable at ")
            .contains("spooling to disk");

        postgres.close();
        await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () -> {
                  Answer storeDown = get(ready);
                  assertThat(storeDown.code()).isEqualTo(503);
                  assertThat(storeDown.body())
                      .startsWith("{\"status\":\"down\",")
                      .contains("{\"name\":\"alert_store\",\"status\":\"down\",\"detail\":\"");
                });
        assertThat(cli(ready.toString())).as("healthcheck exit status when not ready").isOne();
        assertThat(get(live).code()).as("still alive: polling goes on").isEqualTo(200);
        assertThat(cli(live.toString())).isZero();
      }
    } finally {
      postgres.close();
    }
  }

  @Test
  @DisplayName("health.enabled false serves nothing")
  void disabled() {
    var config =
        ConfigLoader.parse(
            "data_dir: %s\nalerts: {enabled: false}\nhealth: {enabled: false}\n".formatted(dataDir),
            "off.yml",
            Map.of(),
            ProbeRegistry.standard(),
            Setup.sections());
    var setup = new Setup(config, RuleLoader.standard().load((Path) null, true));
    try (var app = Ravenwatch.start(setup, Clock.systemUTC(), List.of())) {
      assertThat(app.health()).isEmpty();
    }
  }

  private static int cli(String url) {
    var out = new StringWriter();
    return Main.execute(new PrintWriter(out), new PrintWriter(out), "healthcheck", "--url", url);
  }
}
