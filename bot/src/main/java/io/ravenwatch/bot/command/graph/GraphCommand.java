package io.ravenwatch.bot.command.graph;

import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.Caller;
import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.CommandSpec;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.OptionSpec;
import io.ravenwatch.bot.chat.Reply;
import io.ravenwatch.bot.command.Completions;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.bot.command.Scope;
import io.ravenwatch.probes.api.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /graph <target> <metric> [range]}: a PNG chart of one metric of one target, read from
 * InfluxDB in about {@value #POINTS} buckets and drawn headless with XChart, attached as {@value
 * #FILE}. The alert message's Graph button ({@code cmd:graph:<target>:<metric>}) shows the last
 * {@value #DEFAULT_RANGE}.
 */
public final class GraphCommand implements Command {
  private static final Logger logger = LoggerFactory.getLogger(GraphCommand.class);

  static final String TARGET = "target";
  static final String METRIC = "metric";
  static final String RANGE = "range";
  static final String FILE = "graph.png";
  static final String DEFAULT_RANGE = "6h";
  static final List<String> RANGES = List.of("1h", "6h", "24h", "7d");

  /** About this many points per line: enough detail for 800 pixels, small answers. */
  static final int POINTS = 300;

  private final BotContext context;
  private final SeriesQuery query;

  public GraphCommand(BotContext context) {
    this.context = context;
    this.query = context.influx().enabled() ? new SeriesQuery(context.influx()) : null;
  }

  @Override
  public CommandSpec spec() {
    return CommandSpec.of(
            "graph",
            "Chart a metric of a target",
            Capability.VIEW,
            OptionSpec.required(TARGET, "The host or service", OptionSpec.Completion.TARGET),
            OptionSpec.required(METRIC, "What to chart", OptionSpec.Completion.METRIC),
            new OptionSpec(
                RANGE,
                "How far back (default " + DEFAULT_RANGE + ")",
                OptionSpec.Type.STRING,
                false,
                OptionSpec.Completion.NONE,
                RANGES))
        .slowly();
  }

  @Override
  public void handle(Invocation invocation) throws CommandException {
    invocation
        .reply()
        .send(
            graph(
                invocation.option(TARGET).orElse(null),
                invocation.option(METRIC).orElse(null),
                invocation.option(RANGE).orElse(DEFAULT_RANGE)));
  }

  @Override
  public void onButton(Caller caller, String payload, Reply reply) throws CommandException {
    int colon = payload.lastIndexOf(':');
    if (colon < 0) {
      throw new CommandException("This button is not handled any more.");
    }
    reply.send(graph(payload.substring(0, colon), payload.substring(colon + 1), DEFAULT_RANGE));
  }

  ChatMessage graph(String targetName, String metricName, String rangeText)
      throws CommandException {
    if (query == null) {
      throw new CommandException("Graphs need InfluxDB: set influxdb.url in the configuration.");
    }
    Target target = Scope.target(context.inventory(), targetName);
    List<String> available = MetricCatalogue.namesFor(target);
    String name = metricName == null ? "" : metricName.strip().toLowerCase(Locale.ROOT);
    String rangeName = rangeText == null ? DEFAULT_RANGE : rangeText.strip();
    Metric metric =
        MetricCatalogue.find(name)
            .orElseThrow(
                () ->
                    new CommandException(
                        "Unknown metric `"
                            + Limits.cut(name, 40)
                            + "`. "
                            + target.name()
                            + " has: "
                            + (available.isEmpty() ? "none" : String.join(", ", available))
                            + "."));
    if (!available.contains(metric.name())) {
      throw new CommandException(
          target.name()
              + " has no probe that measures "
              + metric.name()
              + (available.isEmpty() ? "." : "; it has: " + String.join(", ", available) + "."));
    }
    Duration range = range(rangeName);
    Instant end = context.clock().instant();
    Instant start = end.minus(range);
    Duration bucket = Duration.ofSeconds(Math.max(1, (range.toSeconds() + POINTS - 1) / POINTS));
    String influxQl = SeriesQuery.influxQl(metric, target.name(), start, end, bucket);
    SeriesQuery.Answer answer = query.run(influxQl, metric.groupBy());
    if (answer.error() != null) {
      logger.warn("Graph query failed: {} ({})", answer.error(), influxQl);
      throw new CommandException(
          "InfluxDB did not answer the graph query: " + Limits.cut(answer.error(), 200));
    }
    if (answer.lines().isEmpty()) {
      throw new CommandException(
          "No " + metric.name() + " data for " + target.name() + " in the last " + rangeName + ".");
    }
    String title = target.name() + " · " + metric.title() + " · last " + rangeName;
    byte[] png = ChartRenderer.png(title, metric.unit(), answer.lines(), range);
    int lines = answer.lines().size();
    String footer =
        lines > ChartRenderer.MAX_LINES
            ? "+" + (lines - ChartRenderer.MAX_LINES) + " more series not drawn"
            : "";
    var embed =
        new ChatMessage.Embed(
            Limits.cut(title, Limits.TITLE),
            lines
                + (lines == 1 ? " series" : " series")
                + ", one point per "
                + Format.duration(bucket),
            Format.BLUE,
            List.of(),
            footer,
            "",
            end,
            "attachment://" + FILE);
    return ChatMessage.of(embed).withFile(new ChatMessage.File(FILE, png));
  }

  static Duration range(String text) throws CommandException {
    String t = text == null ? DEFAULT_RANGE : text.strip();
    return switch (t) {
      case "1h" -> Duration.ofHours(1);
      case "6h" -> Duration.ofHours(6);
      case "24h" -> Duration.ofHours(24);
      case "7d" -> Duration.ofDays(7);
      default ->
          throw new CommandException(
              "Range is one of "
                  + String.join(", ", RANGES)
                  + ", not `"
                  + Limits.cut(t, 20)
                  + "`.");
    };
  }

  @Override
  public List<Suggestion> suggest(String option, String typed, Map<String, String> given) {
    List<String> values =
        switch (option) {
          case TARGET -> Completions.targets(context.inventory(), typed);
          case METRIC -> {
            String target = given.get(TARGET);
            var t =
                target == null
                    ? java.util.Optional.<Target>empty()
                    : context.inventory().find(target.strip());
            yield Completions.match(
                t.map(MetricCatalogue::namesFor).orElse(MetricCatalogue.names()), typed);
          }
          default -> List.of();
        };
    return values.stream().map(v -> new Suggestion(v, v)).toList();
  }

  @Override
  public List<String> complete(String option, String typed) {
    return suggest(option, typed, Map.of()).stream().map(Suggestion::value).toList();
  }
}
