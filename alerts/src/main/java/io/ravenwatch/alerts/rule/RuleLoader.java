package io.ravenwatch.alerts.rule;

import io.ravenwatch.alerts.query.QueryRule;
import io.ravenwatch.alerts.rule.function.RuleFunctions;
import io.ravenwatch.probes.config.Binder;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.ConfigException;
import io.ravenwatch.probes.config.Found;
import io.ravenwatch.probes.config.Suggestions;
import io.ravenwatch.probes.config.ValueParsers;
import io.ravenwatch.probes.config.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads rules from a directory of {@code *.yml} files and the shipped {@code default-rules.yml},
 * applies the files' {@code disable:} and {@code override:} to the defaults, and compiles every
 * condition. Every problem is collected and reported at once, each under its file's name:
 *
 * <pre>{@code
 * disks.yml: rules[3].condition: expected a condition on one measurement (it names 2: disk, mem). Found: "…"
 * }</pre>
 */
public final class RuleLoader {
  /** The shipped default rules, a classpath resource. */
  public static final String DEFAULTS = "default-rules.yml";

  private final ConditionCompiler compiler;
  private final ValueParsers parsers = new ValueParsers(Map.of());

  public RuleLoader(RuleFunctions functions) {
    this.compiler = new ConditionCompiler(functions);
  }

  /** A loader with the standard functions. */
  public static RuleLoader standard() {
    return new RuleLoader(RuleFunctions.standard());
  }

  /**
   * Loads the {@code *.yml} and {@code *.yaml} files of a directory, in name order.
   *
   * @param dir the rules directory, or {@code null} for the defaults only
   * @param withDefaults whether to include the shipped default rules
   * @throws ConfigException listing every problem
   */
  public RuleSet load(Path dir, boolean withDefaults) {
    var sources = new ArrayList<RuleSource>();
    if (dir != null) {
      if (!Files.isDirectory(dir)) {
        throw new ConfigException(
            List.of(
                new ConfigError(
                    dir.toString(), "a directory of *.yml rule files", "no such directory")));
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f :
            files
                .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                .sorted()
                .toList()) {
          sources.add(
              new RuleSource(
                  f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read rules directory " + dir, e);
      }
    }
    return load(sources, withDefaults);
  }

  /**
   * Loads rules from texts (tests use this; {@link #load(Path, boolean)} reads files into it).
   *
   * @throws ConfigException listing every problem
   */
  public RuleSet load(List<RuleSource> sources, boolean withDefaults) {
    var errors = new ConfigErrors();
    var defaults = new LinkedHashMap<String, Entry>();
    var shippedErrors = new ConfigErrors();
    read(new RuleSource(DEFAULTS, defaultsText()), shippedErrors, defaults, new ArrayList<>());
    if (!shippedErrors.isEmpty()) {
      throw new IllegalStateException("shipped default rules are invalid: " + shippedErrors.list());
    }
    var entries = new LinkedHashMap<String, Entry>();
    var changes = new ArrayList<Change>();
    if (withDefaults) {
      entries.putAll(defaults);
    }
    for (RuleSource source : sources) {
      var own = new LinkedHashMap<String, Entry>();
      read(source, errors, own, changes);
      own.forEach(
          (name, e) -> {
            Entry before = entries.get(name);
            if (before == null) {
              before = defaults.get(name);
            }
            if (before != null) {
              errors.add(
                  e.path + ".name",
                  "a name no other rule has ("
                      + name
                      + " is defined in "
                      + before.file
                      + (before.file.equals(DEFAULTS) ? "; use override: to change it" : "")
                      + ")",
                  name);
            } else {
              entries.put(name, e);
            }
          });
    }
    for (Change c : changes) {
      if (!defaults.containsKey(c.rule)) {
        errors.add(
            c.path,
            "the name of a default rule" + Suggestions.didYouMean(c.rule, defaults.keySet()),
            c.rule);
      } else if (withDefaults) {
        entries.put(c.rule, c.applyTo(entries.get(c.rule)));
      }
    }
    var rules = new ArrayList<Rule>();
    var queryRules = new ArrayList<QueryRule>();
    for (Entry e : entries.values()) {
      compile(e, errors, rules, queryRules);
    }
    errors.throwIfAny();
    return new RuleSet(rules, queryRules);
  }

  /** A rule as bound, with where it came from. */
  private record Entry(RuleConfig config, Duration forDuration, String file, String path) {}

  /** A {@code disable:} or {@code override:} of a default rule. */
  private record Change(String rule, String path, RuleOverride override, Duration forDuration) {
    Entry applyTo(Entry e) {
      RuleConfig c = e.config();
      if (override == null) {
        return new Entry(withEnabled(c, false), e.forDuration(), e.file(), e.path());
      }
      var labels = new LinkedHashMap<>(c.labels());
      labels.putAll(override.labels());
      RuleConfig changed =
          new RuleConfig(
              c.name(),
              override.scope() != null ? override.scope() : c.scope(),
              c.condition(),
              c.value(),
              override.keepFiringFor() != null ? override.keepFiringFor() : c.keepFiringFor(),
              override.severity() != null ? override.severity() : c.severity(),
              labels,
              c.annotations(),
              override.runbook() != null ? override.runbook() : c.runbook(),
              override.threshold() != null ? override.threshold() : c.threshold(),
              override.enabled() != null ? override.enabled() : c.enabled(),
              c.query(),
              c.interval());
      return new Entry(
          changed, forDuration != null ? forDuration : e.forDuration(), e.file(), e.path());
    }

    private static RuleConfig withEnabled(RuleConfig c, boolean enabled) {
      return new RuleConfig(
          c.name(),
          c.scope(),
          c.condition(),
          c.value(),
          c.keepFiringFor(),
          c.severity(),
          c.labels(),
          c.annotations(),
          c.runbook(),
          c.threshold(),
          enabled,
          c.query(),
          c.interval());
    }
  }

  /** Parses and binds one file, its problems reported under its name. */
  private void read(
      RuleSource source, ConfigErrors errors, Map<String, Entry> rules, List<Change> changes) {
    Object tree;
    try {
      tree = YamlTree.parse(source.text(), source.name());
    } catch (ConfigException e) {
      e.errors()
          .forEach(err -> errors.add(err.path(), err.expected(), Found.described(err.found())));
      return;
    }
    if (tree == null) {
      return; // an empty file (or only comments)
    }
    var local = new ConfigErrors();
    var binder = new Binder(parsers, local);
    RuleFile file = binder.bindRecord(tree, RuleFile.class, "", Set.of());
    if (file != null) {
      List<Object> list = file.rules() == null ? List.of() : file.rules();
      for (int i = 0; i < list.size(); i++) {
        String path = ConfigErrors.index("rules", i);
        Object node = list.get(i);
        if (node == null) {
          local.add(path, Binder.describe(RuleConfig.class), null);
          continue;
        }
        RuleConfig c = binder.bindRecord(node, RuleConfig.class, path, Set.of("for"));
        Duration hold = forDuration(binder, node, path, local);
        if (c != null && !local.hasErrorAt(path)) {
          String at = source.name() + ": " + path;
          if (rules.containsKey(c.name())) {
            local.add(
                path + ".name",
                "a name no other rule has (" + c.name() + " is defined earlier in this file)",
                c.name());
          } else {
            rules.put(
                c.name(), new Entry(c, hold == null ? Duration.ZERO : hold, source.name(), at));
          }
        }
      }
      List<String> disable = file.disable() == null ? List.of() : file.disable();
      for (int i = 0; i < disable.size(); i++) {
        changes.add(
            new Change(
                disable.get(i),
                source.name() + ": " + ConfigErrors.index("disable", i),
                null,
                null));
      }
      Map<String, Object> override = file.override() == null ? Map.of() : file.override();
      override.forEach(
          (name, node) -> {
            String path = ConfigErrors.key("override", name);
            RuleOverride o =
                binder.bindRecord(
                    node == null ? Map.of() : node, RuleOverride.class, path, Set.of("for"));
            Duration hold = forDuration(binder, node, path, local);
            if (o != null) {
              changes.add(new Change(name, source.name() + ": " + path, o, hold));
            }
          });
    }
    local
        .list()
        .forEach(
            err ->
                errors.add(
                    source.name() + ": " + err.path(),
                    err.expected(),
                    Found.described(err.found())));
  }

  private static Duration forDuration(
      Binder binder, Object node, String path, ConfigErrors errors) {
    if (!(node instanceof Map<?, ?> map) || map.get("for") == null) {
      return null;
    }
    Duration d = (Duration) binder.bind(map.get("for"), Duration.class, path + ".for");
    if (d != null && d.isNegative()) {
      errors.add(path + ".for", "a duration of 0s or more", d);
      return null;
    }
    return d;
  }

  private void compile(Entry e, ConfigErrors errors, List<Rule> rules, List<QueryRule> queryRules) {
    RuleConfig c = e.config();
    boolean query = c.query() != null;
    ConditionCompiler.Mode mode =
        query ? ConditionCompiler.Mode.QUERY : ConditionCompiler.Mode.PROBE_RESULTS;
    Condition condition;
    try {
      condition = compiler.compile(c.condition(), mode);
    } catch (ConditionCompiler.Invalid invalid) {
      errors.add(e.path() + ".condition", invalid.getMessage(), c.condition());
      return;
    }
    if (c.value() != null) {
      try {
        condition = withValue(condition, compiler.compileValue(c.value(), condition, mode));
      } catch (ConditionCompiler.Invalid invalid) {
        errors.add(e.path() + ".value", invalid.getMessage(), c.value());
      }
    }
    if (condition.usesThreshold() && c.threshold() == null) {
      errors.add(e.path() + ".threshold", "a number (the condition reads threshold)", null);
    }
    var templates = new LinkedHashMap<String, Template>();
    c.annotations()
        .forEach(
            (name, text) -> {
              try {
                templates.put(name, Template.parse(text));
              } catch (IllegalArgumentException bad) {
                errors.add(e.path() + ".annotations." + name, bad.getMessage(), text);
              }
            });
    if (query) {
      queryRules.add(
          new QueryRule(
              c.name(),
              e.file(),
              c.query(),
              c.interval(),
              condition,
              e.forDuration(),
              c.keepFiringFor(),
              c.severity(),
              c.labels(),
              templates,
              c.runbook(),
              c.threshold(),
              c.enabled()));
    } else {
      rules.add(
          new Rule(
              c.name(),
              e.file(),
              Scope.of(c.scope()),
              condition,
              e.forDuration(),
              c.keepFiringFor(),
              c.severity(),
              c.labels(),
              templates,
              c.runbook(),
              c.threshold(),
              c.enabled()));
    }
  }

  private static Condition withValue(Condition c, Condition.ValueSource value) {
    return new Condition(
        c.source(),
        c.expression(),
        c.measurement(),
        c.fields(),
        c.usesProbe(),
        c.usesThreshold(),
        value,
        c.historyFields(),
        c.probeType(),
        c.columns(),
        c.fast());
  }

  private static String defaultsText() {
    try (InputStream in = RuleLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULTS);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
