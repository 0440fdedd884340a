package io.ravenwatch.bot.command.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.command.CommandFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GraphCommandTest {
  private static final String YAML =
      """
      hosts:
        web1: {address: 127.0.0.1, probes: [{type: ping}, {type: disk}]}
        sw1: {address: 127.0.0.2, snmp: v2, probes: [{type: snmp}]}
      snmp_credentials:
        v2: {version: 2c, community: "${C:-public}"}
      """;

  private final CommandFixture fx = new CommandFixture(YAML);

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  @DisplayName("without InfluxDB, '/graph' says graphs need it")
  void needsInflux() {
    var graph = new GraphCommand(fx.context);
    assertThatThrownBy(() -> fx.run(graph, "", Map.of("target", "web1", "metric", "ping")))
        .isInstanceOf(CommandException.class)
        .hasMessageStartingWith("Graphs need InfluxDB");
  }

  @Test
  @DisplayName("metric completion offers only what the chosen target's probes measure")
  void metricCompletion() {
    var graph = new GraphCommand(fx.context);
    assertThat(graph.suggest("metric", "", Map.of("target", "web1")))
        .extracting(s -> s.value())
        .containsExactly("disk", "ping");
    assertThat(graph.suggest("metric", "", Map.of("target", "sw1")))
        .extracting(s -> s.value())
        .containsExactly("cpu", "load", "memory", "traffic");
    assertThat(graph.suggest("metric", "t", Map.of("target", "sw1")))
        .extracting(s -> s.value())
        .containsExactly("traffic");
    assertThat(graph.complete("metric", "")).hasSize(MetricCatalogue.names().size());
    assertThat(graph.complete("target", "s")).containsExactly("sw1");
  }

  @Test
  @DisplayName("a range outside the choices is refused")
  void badRange() {
    assertThatThrownBy(() -> GraphCommand.range("2h"))
        .isInstanceOf(CommandException.class)
        .hasMessage("Range is one of 1h, 6h, 24h, 7d, not `2h`.");
  }

  @Test
  @DisplayName("the query asks for about 300 buckets of the target's series, rates for counters")
  void influxQl() {
    Instant end = Instant.parse("2026-11-22T10:00:00Z");
    String q =
        SeriesQuery.influxQl(
            MetricCatalogue.find("traffic").orElseThrow(),
            "sw'1",
            end.minus(Duration.ofHours(6)),
            end,
            Duration.ofSeconds(72));
    assertThat(q)
        .isEqualTo(
            "SELECT non_negative_derivative(mean(\"ifHCInOctets\"), 1s) * 8 AS \"in\","
                + " non_negative_derivative(mean(\"ifHCOutOctets\"), 1s) * 8 AS \"out\""
                + " FROM \"interface\" WHERE \"source\" = 'sw\\'1'"
                + " AND time >= 1795320000000000000 AND time < 1795341600000000000"
                + " GROUP BY time(72s), \"ifName\" fill(none)");
  }
}
