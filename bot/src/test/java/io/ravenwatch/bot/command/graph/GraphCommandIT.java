package io.ravenwatch.bot.command.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.command.CommandFixture;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.bot.command.RecordingReply;
import io.ravenwatch.testkit.InfluxServer;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.StringJoiner;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** '/graph' against a real influxd: a PNG drawn headless from the points written there. */
class GraphCommandIT {
  private static final String DB = "graphs";
  private static InfluxServer influx;

  private CommandFixture fx;

  @BeforeAll
  static void startInflux() {
    influx = InfluxServer.launch();
    influx.createDatabase(DB);
  }

  @AfterAll
  static void stopInflux() {
    influx.close();
  }

  @BeforeEach
  void context() {
    fx =
        new CommandFixture(
            """
            influxdb: {url: "%s", database: %s}
            hosts:
              web1: {address: 127.0.0.1, probes: [{type: disk}, {type: ping}]}
              sw1: {address: 127.0.0.2, snmp: v2, probes: [{type: snmp}]}
            snmp_credentials:
              v2: {version: 2c, community: "${C:-public}"}
            """
                .formatted(influx.url(), DB));
  }

  @AfterEach
  void close() {
    fx.close();
  }

  /** Six hours of points, one a minute, ending at the fixture's now. */
  private void writeSixHours(
      String measurementAndTags, String field, java.util.function.IntToDoubleFunction value) {
    Instant end = fx.clock.instant();
    var lines = new StringJoiner("\n");
    for (int i = 0; i < 360; i++) {
      Instant t = end.minus(Duration.ofMinutes(360 - i));
      long ns = t.getEpochSecond() * 1_000_000_000L;
      lines.add(measurementAndTags + " " + field + "=" + value.applyAsDouble(i) + " " + ns);
    }
    influx.write(DB, lines.toString());
  }

  @Test
  @DisplayName("'/graph web1 disk 6h' attaches an 800×400 PNG with one line per path")
  void drawsDiskGraph() throws Exception {
    writeSixHours("disk,source=web1,path=/", "used_percent", i -> 40 + i / 10.0);
    writeSixHours("disk,source=web1,path=/var", "used_percent", i -> 70 + Math.sin(i / 20.0) * 5);
    writeSixHours("disk,source=other,path=/", "used_percent", i -> 5);

    RecordingReply reply =
        fx.run(
            new GraphCommand(fx.context),
            "",
            Map.of("target", "web1", "metric", "disk", "range", "6h"));

    ChatMessage message = reply.only();
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    assertThat(message.files())
        .singleElement()
        .extracting(ChatMessage.File::name)
        .isEqualTo("graph.png");
    ChatMessage.Embed embed = message.embeds().getFirst();
    assertThat(embed.image()).isEqualTo("attachment://graph.png");
    assertThat(embed.title()).isEqualTo("web1 · Disk used · last 6h");
    assertThat(embed.description()).isEqualTo("2 series, one point per 1m 12s");
    assertThat(Limits.fits(message)).isTrue();

    // Kept for a human look at what Discord would show.
    java.nio.file.Files.write(
        java.nio.file.Path.of("target", "graph-web1-disk.png"), message.files().getFirst().data());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(message.files().getFirst().data()));
    assertThat(image.getWidth()).isEqualTo(ChartRenderer.WIDTH);
    assertThat(image.getHeight()).isEqualTo(ChartRenderer.HEIGHT);
    assertThat(distinctColours(image))
        .as("lines, text and axes, not a blank image")
        .isGreaterThan(50);
  }

  @Test
  @DisplayName("traffic is drawn from octet counters as rates, per interface, in and out")
  void drawsTrafficRates() throws Exception {
    // 1 MB/s in, 0.5 MB/s out: counters rising by 60 MB and 30 MB a minute.
    writeSixHours("interface,source=sw1,ifName=eth0", "ifHCInOctets", i -> i * 60_000_000.0);
    writeSixHours("interface,source=sw1,ifName=eth0", "ifHCOutOctets", i -> i * 30_000_000.0);

    ChatMessage message = new GraphCommand(fx.context).graph("sw1", "traffic", "6h");

    assertThat(message.embeds().getFirst().description()).startsWith("2 series");
    SeriesQuery.Answer answer =
        new SeriesQuery(fx.context.influx())
            .run(
                SeriesQuery.influxQl(
                    MetricCatalogue.find("traffic").orElseThrow(),
                    "sw1",
                    fx.clock.instant().minus(Duration.ofHours(1)),
                    fx.clock.instant(),
                    Duration.ofMinutes(5)),
                "ifName");
    assertThat(answer.lines())
        .extracting(SeriesQuery.Line::name)
        .containsExactly("eth0 in", "eth0 out");
    assertThat(answer.lines().getFirst().values())
        .allSatisfy(v -> assertThat(v).isEqualTo(8_000_000.0));
  }

  @Test
  @DisplayName("the Graph button of an alert message draws the last 6h of that metric")
  void button() throws Exception {
    writeSixHours(
        "ping,source=web1,url=127.0.0.1", "average_response_ms", i -> 0.2 + (i % 7) / 10.0);
    var reply = new RecordingReply();

    new GraphCommand(fx.context).onButton(CommandFixture.ALICE, "web1:ping", reply);

    assertThat(reply.embed().title()).isEqualTo("web1 · Ping round trip · last 6h");
    assertThat(reply.only().files()).hasSize(1);
  }

  @Test
  @DisplayName("no data, an unknown metric or one the target has no probe for: a clear message")
  void clearMessages() {
    var graph = new GraphCommand(fx.context);
    fx.clock.advance(Duration.ofDays(2)); // past every point other tests wrote
    assertThatThrownBy(() -> graph.graph("web1", "ping", "1h"))
        .isInstanceOf(CommandException.class)
        .hasMessage("No ping data for web1 in the last 1h.");
    assertThatThrownBy(() -> graph.graph("web1", "temperature", "1h"))
        .isInstanceOf(CommandException.class)
        .hasMessage("Unknown metric `temperature`. web1 has: disk, ping.");
    assertThatThrownBy(() -> graph.graph("web1", "traffic", "1h"))
        .isInstanceOf(CommandException.class)
        .hasMessage("web1 has no probe that measures traffic; it has: disk, ping.");
    assertThatThrownBy(() -> graph.graph("nope", "ping", "1h"))
        .isInstanceOf(CommandException.class)
        .hasMessage("No target is named `nope`.");
  }

  private static int distinctColours(BufferedImage image) {
    var colours = new HashSet<Integer>();
    for (int x = 0; x < image.getWidth(); x += 2) {
      for (int y = 0; y < image.getHeight(); y += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
