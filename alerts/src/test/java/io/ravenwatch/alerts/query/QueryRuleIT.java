package io.ravenwatch.alerts.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.rule.RuleLoader;
import io.ravenwatch.alerts.rule.RuleSet;
import io.ravenwatch.alerts.rule.RuleSource;
import io.ravenwatch.probes.config.DataSize;
import io.ravenwatch.probes.influx.InfluxSettings;
import io.ravenwatch.testkit.InfluxServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Query rules against a real influxd holding data Telegraf wrote (host tag, no source). */
class QueryRuleIT {
  private static InfluxServer influx;
  private static final long NOW_NS = 1_750_000_000_000_000_000L;

  @BeforeAll
  static void start() {
    influx = InfluxServer.launch();
    influx.createDatabase("telegraf");
    influx.write(
        "telegraf",
        String.join(
            "\n",
            "disk,host=db1,path=/,device=sda1,fstype=ext4,mode=rw used_percent=42.5 "
                + (NOW_NS - 60_000_000_000L),
            "disk,host=db1,path=/,device=sda1,fstype=ext4,mode=rw used_percent=91.5 " + NOW_NS,
            "disk,host=db1,path=/var,device=sda2,fstype=ext4,mode=rw used_percent=30 " + NOW_NS,
            "disk,host=web1,path=/,device=vda1,fstype=xfs,mode=rw used_percent=97.25 " + NOW_NS,
            "http_response,host=web1,server=https://web/,method=GET,result=timeout,status_code=0 result_code=4i "
                + NOW_NS));
  }

  @AfterAll
  static void stop() {
    influx.close();
  }

  private static InfluxQuery client(String database) {
    return new InfluxQuery(
        new InfluxSettings(
            influx.url(),
            database,
            null,
            null,
            null,
            null,
            5000,
            Duration.ofSeconds(1),
            true,
            Duration.ofSeconds(5),
            DataSize.parse("1MiB")));
  }

  private static RuleSet rules(String yaml) {
    return RuleLoader.standard().load(List.of(new RuleSource("q.yml", yaml)), false);
  }

  @Test
  void labelsEachSeriesByItsTagsAndTestsItsNewestValue() {
    RuleSet set =
        rules(
            """
            rules:
              - name: telegraf_disk_full
                query: SELECT last(used_percent) AS value FROM disk GROUP BY host, path
                interval: 1m
                condition: value > threshold
                threshold: 90
                severity: critical
                annotations:
                  summary: "{{ target }}: {{ labels.path }} at {{ value }}%"
            """);
    Clock clock = Clock.fixed(Instant.parse("2025-06-15T00:00:00Z"), ZoneOffset.UTC);
    var runner = new QueryRuleRunner(set.queryRules(), client("telegraf"), clock, o -> {});
    List<Observation> out =
        runner.runOnce(set.queryRules().get(0)).stream()
            .sorted(Comparator.comparing(o -> o.labels().toString()))
            .toList();
    assertThat(out).hasSize(3);
    assertThat(out).extracting(Observation::active).containsExactly(true, false, true);
    assertThat(out).extracting(Observation::value).containsExactly(91.5, 30.0, 97.25);
    Observation db1 = out.get(0);
    assertThat(db1.labels().map())
        .containsEntry("alertname", "telegraf_disk_full")
        .containsEntry("severity", "critical")
        .containsEntry("host", "db1")
        .containsEntry("path", "/");
    assertThat(db1.annotations()).containsEntry("summary", "db1: / at 91.5%");
    assertThat(db1.at()).isEqualTo(Instant.ofEpochSecond(0, 0).plusNanos(NOW_NS));
  }

  @Test
  void dropsTagsThatChangeWithTheResult() {
    RuleSet set =
        rules(
            """
            rules:
              - name: telegraf_http_down
                query: SELECT last(result_code) AS value FROM http_response GROUP BY *
                interval: 30s
                condition: value != 0
            """);
    var runner =
        new QueryRuleRunner(set.queryRules(), client("telegraf"), Clock.systemUTC(), o -> {});
    List<Observation> out = runner.runOnce(set.queryRules().get(0));
    assertThat(out)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.active()).isTrue();
              assertThat(o.labels().map())
                  .containsEntry("server", "https://web/")
                  .doesNotContainKeys("result", "status_code");
            });
  }

  @Test
  void aFailingQueryGivesNoObservations() {
    RuleSet set =
        rules(
            """
            rules:
              - name: broken
                query: SELECT nonsense FROM
                interval: 1m
                condition: value > 1
            """);
    var runner =
        new QueryRuleRunner(set.queryRules(), client("telegraf"), Clock.systemUTC(), o -> {});
    assertThat(runner.runOnce(set.queryRules().get(0))).isEmpty();
    assertThat(client("telegraf").run("SELECT nonsense FROM").error())
        .contains("error parsing query");
  }
}
