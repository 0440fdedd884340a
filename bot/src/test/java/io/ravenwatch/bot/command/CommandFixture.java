package io.ravenwatch.bot.command;

import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.engine.AlertsSection;
import io.ravenwatch.alerts.rule.RuleLoader;
import io.ravenwatch.alerts.store.InMemoryAlertStore;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.Caller;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.LastResults;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import io.ravenwatch.probes.schedule.PollObserver;
import io.ravenwatch.probes.schedule.PollScheduler;
import io.ravenwatch.testkit.MutableClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A real bot context for command tests: configuration parsed from YAML, a real alert engine on an
 * in-memory store with a fake clock, a real (unstarted) poll scheduler and the last results.
 */
public final class CommandFixture implements AutoCloseable {
  public static final Caller ALICE = new Caller("1001", "alice", Set.of("ops"));

  public final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
  public final InMemoryAlertStore store = new InMemoryAlertStore();
  public final RavenwatchConfig config;
  public final AlertEngine engine;
  public final ProbeResources resources = new ProbeResources(clock);
  public final PollScheduler scheduler;
  public final LastResults lastResults = new LastResults();
  public final BotContext context;

  public CommandFixture(String inventoryYaml) {
    String yaml =
        inventoryYaml
            + """
            alerts:
              route: {group_wait: 0s, receivers: [pager]}
              receivers: {pager: {type: console}}
            """;
    config =
        ConfigLoader.parse(yaml, "test.yml", Map.of(), ProbeRegistry.standard(), Setup.sections());
    engine =
        AlertEngine.start(
            config.section(AlertsSection.SECTION),
            RuleLoader.standard().load((java.nio.file.Path) null, true),
            config.inventory(),
            store,
            Map.of("pager", (n, replyTo) -> DeliveryResult.delivered("msg-" + n.id())),
            config.influx(),
            clock);
    scheduler =
        new PollScheduler(
            config.inventory().targets(),
            ProbeRegistry.standard(),
            resources,
            r -> {},
            PollObserver.NONE,
            PollScheduler.Settings.defaults());
    context = new BotContext(clock, config, engine, scheduler, lastResults, null);
  }

  public Target target(String name) {
    return config.inventory().find(name).orElseThrow();
  }

  /**
   * Makes an alert fire now, with the labels the rule evaluator would give it: alertname, severity,
   * the target's point tags and the series tags.
   *
   * @return its fingerprint
   */
  public String fire(
      String rule, Severity severity, String target, String summary, String... series) {
    return observe(rule, severity, target, summary, true, series);
  }

  /** The condition of that alert turned false: it resolves (keep_firing_for 0). */
  public void clear(String rule, Severity severity, String target, String... series) {
    observe(rule, severity, target, "", false, series);
  }

  private String observe(
      String rule,
      Severity severity,
      String target,
      String summary,
      boolean active,
      String... series) {
    var labels = new LinkedHashMap<String, String>(target(target).pointTags());
    labels.put("alertname", rule);
    labels.put("severity", severity.name().toLowerCase(java.util.Locale.ROOT));
    for (int i = 0; i + 1 < series.length; i += 2) {
      labels.put(series[i], series[i + 1]);
    }
    var observation =
        new Observation(
            rule,
            severity,
            Duration.ZERO,
            Duration.ZERO,
            Labels.of(labels),
            active,
            null,
            active ? Map.of("summary", summary) : Map.of(),
            clock.instant());
    engine.observe(observation);
    return observation.fingerprint();
  }

  /** Runs a command as alice and returns what it answered. */
  public RecordingReply run(Command command, String subcommand, Map<String, String> options)
      throws CommandException, InterruptedException {
    var reply = new RecordingReply();
    command.handle(new Invocation(ALICE, command.spec().name(), subcommand, options, reply));
    return reply;
  }

  @Override
  public void close() {
    engine.close();
    scheduler.close();
    resources.close();
  }
}
