package io.ravenwatch.alerts.rule;

import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.LazyAnnotations;
import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.rule.function.RuleFunction;
import io.ravenwatch.alerts.rule.function.RuleFunctions;
import io.ravenwatch.alerts.rule.function.Samples;
import io.ravenwatch.alerts.rule.function.SeriesHistory;
import io.ravenwatch.alerts.rule.sandbox.EvalContext;
import io.ravenwatch.alerts.rule.sandbox.FunctionHandle;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.jexl3.JexlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the enabled rules against each probe result: every point against the rules of its
 * measurement whose scope admits the target, and the result itself (the {@code probe}
 * pseudo-measurement) against the probe-only rules. Each rule that applies gives one {@link
 * Observation}, active or not; a rule does not apply to a point that lacks a field its condition
 * reads. Given {@link TrackedAlerts}, the inactive observations of alerts it does not track are
 * left out (they would change nothing), most evaluations' labels, value and annotations with them.
 * A series' labels and fingerprint are kept from one evaluation to the next ({@link SeriesLabels}),
 * and annotations are rendered only when read.
 *
 * <pre>{@code
 * RuleEvaluator evaluator = RuleEvaluator.of(RuleLoader.standard().load(dir, true), inventoryTags);
 * var tracked = TrackedAlerts.of(tracker::tracksRule, tracker::tracks);
 * resultBus.add(result -> evaluator.evaluate(result, tracked, tracker::observe));
 * }</pre>
 *
 * <p>Safe to call from several threads (one evaluation at a time: the context and the series
 * history are reused); an evaluation error is counted and logged once per rule, never thrown.
 */
public final class RuleEvaluator {
  private static final Logger logger = LoggerFactory.getLogger(RuleEvaluator.class);

  /** The annotation carrying the rule's threshold, when it has one. */
  public static final String THRESHOLD = "threshold";

  /** The annotation naming the measurement the rule read (or the probe type of a probe rule). */
  public static final String MEASUREMENT = "measurement";

  private final RuleIndex index;
  private final EvalContext context;
  private final Map<String, RuleFunction> functions = new HashMap<>();
  private final SeriesHistory history;
  private final Function<String, Map<String, String>> directory;
  private final Map<String, Map<String, String>> learnedTargetTags = new HashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Set<String> warned = new HashSet<>();
  private long errors;

  // The evaluation under way (single-threaded under the lock).
  private Rule rule;
  private final Map<String, Samples> samples = new HashMap<>();
  private boolean unknown;
  private Double functionValue;
  private TrackedAlerts tracked;
  private SeriesLabels.Series series; // of the point (or probe) under evaluation, once needed
  private final SeriesLabels seriesLabels = SeriesLabels.standard();

  /**
   * @param rules the rules; only enabled ones are evaluated
   * @param functions the functions conditions may call (those the rules were loaded with)
   * @param history where history-using functions keep their samples
   * @param directory a target's tags ({@code source}, {@code region}, {@code group}, …) by name,
   *     for the labels of probe-only rules; may answer {@code null}, then tags seen on the target's
   *     points are used
   */
  public RuleEvaluator(
      List<Rule> rules,
      RuleFunctions functions,
      SeriesHistory history,
      Function<String, Map<String, String>> directory) {
    this.index = new RuleIndex(rules);
    this.history = history;
    this.directory = directory;
    var handles = new HashMap<String, FunctionHandle>();
    for (RuleFunction f : functions.all()) {
      this.functions.put(f.name(), f);
      handles.put(f.name(), new FunctionHandle(f.name(), this::invoke));
    }
    this.context = new EvalContext(handles);
  }

  /** An evaluator of a rule set's enabled rules with the standard functions. */
  public static RuleEvaluator of(RuleSet rules, Function<String, Map<String, String>> directory) {
    return new RuleEvaluator(
        rules.enabled(), RuleFunctions.standard(), SeriesHistory.standard(), directory);
  }

  /** The observations of one probe result. */
  public List<Observation> evaluate(ProbeResult result) {
    var out = new ArrayList<Observation>();
    evaluate(result, out::add);
    return out;
  }

  /** Hands each observation of one probe result to {@code sink} (on the calling thread). */
  public void evaluate(ProbeResult result, Consumer<Observation> sink) {
    evaluate(result, TrackedAlerts.ALL, sink);
  }

  /**
   * Hands {@code sink} the observations of one probe result that matter to {@code tracked}: every
   * active one, and the inactive ones of tracked alerts (on the calling thread, in order).
   *
   * <p>An inactive observation left out is one of an alert {@code tracked} did not know when asked.
   * Observations reach the lifecycle from here, under this evaluator's lock, so no other evaluation
   * can make that alert known meanwhile; if something else did (a tick only forgets), the series'
   * next evaluation delivers its inactive observation, as the alert is known by then.
   */
  public void evaluate(ProbeResult result, TrackedAlerts tracked, Consumer<Observation> sink) {
    lock.lock();
    try {
      context.probe().set(result);
      this.tracked = tracked;
      for (Point p : result.points()) {
        if (!index.reads(p.measurement())) {
          continue;
        }
        Rule[] rules = index.forMeasurement(p.measurement(), result.target(), p.tags());
        if (rules.length == 0) {
          continue;
        }
        context.point().set(p);
        series = null;
        for (Rule r : rules) {
          evaluate(r, p, result, sink);
        }
      }
      if (index.hasProbeRules()) {
        Map<String, String> tags = targetTags(result);
        series = null;
        for (Rule r : index.forProbe(result.type(), result.target(), tags)) {
          evaluate(r, null, result, sink);
        }
      }
    } finally {
      this.tracked = null;
      series = null;
      lock.unlock();
    }
  }

  /** How many evaluations failed (a condition that did not give true or false, say). */
  public long errors() {
    lock.lock();
    try {
      return errors;
    } finally {
      lock.unlock();
    }
  }

  private void evaluate(Rule r, Point p, ProbeResult result, Consumer<Observation> sink) {
    Condition c = r.condition();
    if (p != null) {
      for (String f : c.fields()) {
        if (p.field(f) == null && p.tag(f) == null) {
          return; // not a point this rule applies to
        }
      }
    }
    rule = r;
    unknown = false;
    functionValue = null;
    context.use(p == null ? null : p.measurement(), r.threshold());
    if (!c.historyFields().isEmpty()) {
      record(c, p);
    }
    Object out = null;
    if (c.fast() != null && p != null) {
      // The common `m.field > 90` on a number: no interpreter, no introspection.
      out = c.fast().test(p.field(c.fast().field()), r.threshold());
    }
    if (out == null) {
      try {
        out = c.expression().evaluate(context);
      } catch (JexlException e) {
        failed(r, e.getMessage());
        return;
      }
    }
    if (!(out instanceof Boolean active)) {
      failed(r, "the condition gave " + out + ", not true or false");
      return;
    }
    boolean on = active && !unknown;
    if (!on && !tracked.anyOf(r.name())) {
      return; // no alert of this rule is tracked: an inactive observation changes nothing
    }
    SeriesLabels.Series e = seriesOf(p, result);
    int i = e.find(r);
    if (i < 0) {
      i = e.add(r, labels(r, p, result));
    }
    if (!on && !tracked.has(e.fingerprint(i))) {
      return;
    }
    Labels labels = e.labels(i);
    Double value = value(c, p);
    var values =
        new Template.Values(r.name(), result.target(), value, r.threshold(), result.reason());
    sink.accept(
        new Observation(
            r.name(),
            r.severity(),
            r.forDuration(),
            r.keepFiringFor(),
            labels,
            on,
            value,
            annotations(r, values, labels, p == null ? result.type() : p.measurement()),
            p == null ? result.time() : p.time()));
  }

  /**
   * The rule's annotations for one observation, rendered only if read: most observations make no
   * event, and their annotations were never looked at.
   */
  private static Map<String, String> annotations(
      Rule r, Template.Values values, Labels labels, String measurement) {
    return LazyAnnotations.of(
        () -> {
          var annotations = new HashMap<String, String>(8);
          r.annotations().forEach((name, t) -> annotations.put(name, t.render(values, labels)));
          if (r.runbook() != null) {
            annotations.put("runbook", r.runbook());
          }
          // What notifiers show beside the value (threshold) and which graph fits it
          // (measurement; for probe-only rules the probe type, which names what the probe writes).
          if (r.threshold() != null) {
            annotations.putIfAbsent(THRESHOLD, number(r.threshold()));
          }
          annotations.putIfAbsent(MEASUREMENT, measurement);
          return annotations;
        });
  }

  /** The cached labels of the series under evaluation: the point's, or the probe's. */
  private SeriesLabels.Series seriesOf(Point p, ProbeResult result) {
    if (series == null) {
      series =
          p != null
              ? seriesLabels.entry(p.measurement(), false, p.tags(), p.time().toEpochMilli())
              : seriesLabels.entry(
                  result.probe(), true, targetTags(result), result.time().toEpochMilli());
    }
    return series;
  }

  /** Adds this point's sample of each sampled field to its series' history. */
  private void record(Condition c, Point p) {
    samples.clear();
    for (String field : c.historyFields().values()) {
      if (p.field(field) instanceof Number n && !samples.containsKey(field)) {
        var key = new StringBuilder(64).append(p.measurement()).append('\u0000').append(field);
        p.tags()
            .forEach(
                (k, v) -> {
                  if (SeriesTags.keep(p.measurement(), k)) {
                    key.append('\u0000').append(k).append('=').append(v);
                  }
                });
        samples.put(
            field, history.record(key.toString(), p.time().toEpochMilli(), n.doubleValue()));
      }
    }
  }

  /** Called by JEXL through a {@link FunctionHandle}. */
  private Object invoke(String name, Object[] args) {
    RuleFunction f = functions.get(name);
    double[] numbers = new double[args.length];
    for (int i = 0; i < args.length; i++) {
      if (!(args[i] instanceof Number n)) {
        unknown = true;
        return 0.0;
      }
      numbers[i] = n.doubleValue();
    }
    Samples s = null;
    if (f.usesHistory()) {
      s = samples.get(rule.condition().historyFields().get(name));
      if (s == null) {
        unknown = true;
        return 0.0;
      }
    }
    double r = f.apply(s, numbers);
    if (Double.isNaN(r)) {
      // Cannot be told yet: the evaluation goes on, and its observation is marked inactive.
      unknown = true;
      return 0.0;
    }
    if (functionValue == null) {
      functionValue = r;
    }
    return r;
  }

  private Double value(Condition c, Point p) {
    Object v =
        switch (c.value()) {
          case Condition.FieldValue f ->
              f.measurement().equals("probe") ? context.probe().get(f.field()) : p.field(f.field());
          case Condition.FunctionValue fv -> unknown ? null : functionValue;
          case Condition.ExpressionValue e -> {
            try {
              yield e.expression().evaluate(context);
            } catch (JexlException ex) {
              yield null; // e.g. the point lacks the value's field
            }
          }
          default -> null;
        };
    return v instanceof Number n ? n.doubleValue() : null;
  }

  /**
   * alertname, severity, the rule's labels, and the point's tags but those that change with the
   * result; for probe-only rules the target's tags and the probe's name.
   */
  private Labels labels(Rule r, Point p, ProbeResult result) {
    var m = Labels.builder();
    if (p != null) {
      p.tags()
          .forEach(
              (k, v) -> {
                if (SeriesTags.keep(p.measurement(), k)) {
                  m.put(k, v);
                }
              });
    } else {
      targetTags(result).forEach(m::put);
      m.put("probe", result.probe());
    }
    r.labels().forEach(m::put);
    m.put("alertname", r.name());
    m.put("severity", r.severity().name().toLowerCase(Locale.ROOT));
    return m.build();
  }

  /** The target's tags: from the directory, else as last seen on its points, else its name. */
  private Map<String, String> targetTags(ProbeResult result) {
    Map<String, String> known = directory == null ? null : directory.apply(result.target());
    if (known != null) {
      return known;
    }
    Map<String, String> learned = learnedTargetTags.get(result.target());
    if (!result.points().isEmpty()) {
      Point p = result.points().get(0);
      if (learned == null || !sameTargetTags(p, learned)) {
        var tags = new TreeMap<String, String>();
        p.tags()
            .forEach(
                (k, v) -> {
                  if (SeriesTags.targetTag(p.measurement(), k)) {
                    tags.put(k, v);
                  }
                });
        tags.putIfAbsent("source", result.target());
        learned = Map.copyOf(tags);
        if (learnedTargetTags.size() >= 100_000) {
          learnedTargetTags.clear();
        }
        learnedTargetTags.put(result.target(), learned);
      }
    }
    return learned != null ? learned : Map.of("source", result.target());
  }

  private static boolean sameTargetTags(Point p, Map<String, String> learned) {
    int seen = 0;
    for (Map.Entry<String, String> t : p.tags().entrySet()) {
      if (SeriesTags.targetTag(p.measurement(), t.getKey())) {
        if (!t.getValue().equals(learned.get(t.getKey()))) {
          return false;
        }
        seen++;
      }
    }
    return seen == learned.size()
        || (seen == learned.size() - 1 && !p.tags().containsKey("source"));
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private void failed(Rule r, String why) {
    errors++;
    if (warned.add(r.name())) {
      logger.warn(
          "Rule {} ({}) could not be evaluated: {} (further failures of this rule are only counted)",
          r.name(),
          r.origin(),
          why);
    }
  }
}
