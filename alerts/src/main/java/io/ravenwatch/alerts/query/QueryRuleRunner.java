package io.ravenwatch.alerts.query;

import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.rule.Condition;
import io.ravenwatch.alerts.rule.Template;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each enabled {@link QueryRule} on its interval and turns each returned series' newest row
 * into an {@link Observation} labelled by the series' tags (those that change with the result
 * dropped). A failed query is logged and skipped: the lifecycle keeps the alerts as they were.
 */
public final class QueryRuleRunner implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(QueryRuleRunner.class);
  private static final Set<String> VOLATILE =
      Set.of("result", "result_type", "status_code", "status_desc", "container_status");

  private final List<QueryRule> rules;
  private final InfluxQuery influx;
  private final Clock clock;
  private final Consumer<Observation> sink;
  private ScheduledExecutorService scheduler;

  public QueryRuleRunner(
      List<QueryRule> rules, InfluxQuery influx, Clock clock, Consumer<Observation> sink) {
    this.rules = rules.stream().filter(QueryRule::enabled).toList();
    this.influx = influx;
    this.clock = clock;
    this.sink = sink;
  }

  /** Schedules every rule at its interval on one platform thread. */
  public synchronized void start() {
    if (scheduler != null || rules.isEmpty()) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("query-rules").daemon().unstarted(r));
    for (QueryRule rule : rules) {
      long every = rule.interval().toMillis();
      logger.info("Running query rule {} every {}", rule.name(), rule.interval());
      scheduler.scheduleWithFixedDelay(
          () -> {
            try {
              runOnce(rule).forEach(sink);
            } catch (Throwable t) { // scheduleWithFixedDelay would silently stop the rule
              logger.error("Query rule {} failed unexpectedly", rule.name(), t);
            }
          },
          0,
          every,
          TimeUnit.MILLISECONDS);
    }
  }

  /** Runs one rule's query now; its observations, or none when the query failed. */
  public List<Observation> runOnce(QueryRule rule) {
    InfluxQuery.Answer answer = influx.run(rule.query());
    if (!answer.ok()) {
      logger.warn(
          "Query rule {} ({}): the query failed: {}", rule.name(), rule.origin(), answer.error());
      return List.of();
    }
    var out = new ArrayList<Observation>();
    Instant now = clock.instant();
    for (InfluxQuery.Series s : answer.series()) {
      Observation o = observe(rule, s, now);
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  private Observation observe(QueryRule rule, InfluxQuery.Series s, Instant now) {
    Condition c = rule.condition();
    JexlContext context = new MapContext();
    for (String column : c.columns()) {
      Object v = column.equals("threshold") ? rule.threshold() : s.lastRow().get(column);
      if (v == null) {
        return null; // this series has no value for a column the condition reads
      }
      context.set(column, v);
    }
    Object active;
    try {
      active = c.expression().evaluate(context);
    } catch (JexlException e) {
      logger.warn(
          "Query rule {}: cannot evaluate on {}: {}", rule.name(), s.tags(), e.getMessage());
      return null;
    }
    if (!(active instanceof Boolean b)) {
      return null;
    }
    Object raw =
        c.value() instanceof Condition.ColumnValue cv
            ? s.lastRow().get(cv.column())
            : s.lastRow().get("value");
    Double value = raw instanceof Number n ? n.doubleValue() : null;
    var labels = new TreeMap<String, String>();
    s.tags()
        .forEach(
            (k, v) -> {
              if (!VOLATILE.contains(k) && !v.isEmpty()) {
                labels.put(k, v);
              }
            });
    labels.putAll(rule.labels());
    labels.put("alertname", rule.name());
    labels.put("severity", rule.severity().name().toLowerCase(Locale.ROOT));
    Labels l = new Labels(labels);
    String target = s.tags().getOrDefault("source", s.tags().getOrDefault("host", ""));
    var values = new Template.Values(rule.name(), target, value, rule.threshold(), "");
    Map<String, String> annotations = new HashMap<>();
    rule.annotations().forEach((name, t) -> annotations.put(name, t.render(values, l)));
    if (rule.runbook() != null) {
      annotations.put("runbook", rule.runbook());
    }
    return new Observation(
        rule.name(),
        rule.severity(),
        rule.forDuration(),
        rule.keepFiringFor(),
        l,
        b,
        value,
        annotations,
        InfluxQuery.time(s.lastRow(), now));
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
