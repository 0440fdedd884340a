package io.ravenwatch.bot.command.status;

import io.ravenwatch.alerts.lifecycle.AlertRecord;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.CommandSpec;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.OptionSpec;
import io.ravenwatch.bot.command.Completions;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.bot.command.LiveAlerts;
import io.ravenwatch.bot.command.Scope;
import io.ravenwatch.bot.command.failover.FailoverStatus;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /status [scope]}: every target of the scope with its state, worst first. The state comes
 * from the engine's live alerts (the worst severity firing on the target), else from the probes'
 * last results (failing, ok), else unknown. The embed is coloured by the worst state; a long list
 * ends with "+N more" inside Discord's limits.
 */
public final class StatusCommand implements Command {
  static final String SCOPE = "scope";

  private final BotContext context;

  public StatusCommand(BotContext context) {
    this.context = context;
  }

  @Override
  public CommandSpec spec() {
    return CommandSpec.of(
        "status",
        "Health at a glance, worst first",
        Capability.VIEW,
        OptionSpec.optional(
            SCOPE, "A target, a group or a region", OptionSpec.Completion.TARGET_GROUP_REGION));
  }

  @Override
  public void handle(Invocation invocation) throws CommandException {
    Scope scope = Scope.of(context.inventory(), invocation.option(SCOPE).orElse(null));
    invocation.reply().send(ChatMessage.of(render(scope)));
  }

  /** One target's line of the status. */
  record Row(Target target, Health health, String detail) {}

  ChatMessage.Embed render(Scope scope) {
    Instant now = context.clock().instant();
    LiveAlerts live = context.alerts() == null ? null : LiveAlerts.of(context.alerts());
    var rows = new ArrayList<Row>();
    for (Target t : scope.targets()) {
      rows.add(row(t, live, now));
    }
    rows.sort(Comparator.comparing(Row::health)); // stable: inventory order within a state
    Map<Health, Long> counts =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    Row::health, () -> new EnumMap<>(Health.class), Collectors.counting()));
    String summary =
        counts.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey().label)
            .collect(Collectors.joining(" · "));
    var lines = new ArrayList<String>();
    for (Row r : rows) {
      lines.add(
          r.health().icon
              + " **"
              + r.target().name()
              + "** "
              + r.health().label
              + (r.detail().isEmpty() ? "" : " — " + r.detail()));
    }
    Health worst = rows.isEmpty() ? Health.UNKNOWN : rows.getFirst().health();
    String head = summary.isEmpty() ? "No targets." : summary;
    String description =
        head + "\n\n" + Limits.lines(lines, Limits.DESCRIPTION - head.length() - 2);
    String footer =
        context.alerts() == null ? "Alerting is disabled: states from probes only." : "";
    List<String> failover =
        FailoverStatus.lines(context, scope.targets().stream().map(Target::name).toList());
    List<ChatMessage.Field> fields =
        failover.isEmpty()
            ? List.of()
            : List.of(
                new ChatMessage.Field(
                    "Failover: active nodes", Limits.lines(failover, Limits.FIELD_VALUE), false));
    return new ChatMessage.Embed(
        Limits.cut("Status: " + scope.label(), Limits.TITLE),
        description,
        worst.color,
        fields,
        footer,
        "",
        now,
        "");
  }

  private Row row(Target t, LiveAlerts live, Instant now) {
    List<AlertRecord> alerts = live == null ? List.of() : live.ofTarget(t.name());
    List<ProbeResult> results = context.lastResults().of(t.name());
    if (!alerts.isEmpty()) {
      AlertRecord worst = alerts.getFirst(); // LiveAlerts sorts worst first
      String more = alerts.size() > 1 ? " (+" + (alerts.size() - 1) + " more alerts)" : "";
      return new Row(
          t,
          Health.of(worst.severity()),
          Limits.cut(LiveAlerts.summary(worst), 120)
              + ", "
              + Format.relative(LiveAlerts.since(worst), now)
              + more);
    }
    if (results.isEmpty()) {
      return new Row(t, Health.UNKNOWN, t.probes().isEmpty() ? "no probes" : "no result yet");
    }
    List<ProbeResult> failed = results.stream().filter(r -> !r.ok()).toList();
    if (!failed.isEmpty()) {
      ProbeResult f = failed.getFirst();
      return new Row(
          t,
          Health.FAILING,
          f.probe()
              + ": "
              + Limits.cut(f.reason().isEmpty() ? Format.lower(f.status()) : f.reason(), 100));
    }
    Instant newest = results.stream().map(ProbeResult::time).max(Comparator.naturalOrder()).get();
    return new Row(
        t,
        Health.OK,
        results.size()
            + (results.size() == 1 ? " probe" : " probes")
            + " ok, "
            + Format.relative(newest, now));
  }

  @Override
  public List<String> complete(String option, String typed) {
    return SCOPE.equals(option) ? Completions.scopes(context.inventory(), typed) : List.of();
  }
}
