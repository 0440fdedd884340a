package io.ravenwatch.bot.command.failover;

import io.ravenwatch.bot.action.failover.ActiveNodes;
import io.ravenwatch.bot.action.failover.FailoverConfig;
import io.ravenwatch.bot.action.failover.FailoverReport;
import io.ravenwatch.bot.action.failover.FailoverRunner;
import io.ravenwatch.bot.action.failover.FailoverSection;
import io.ravenwatch.bot.action.failover.NodeRoles;
import io.ravenwatch.bot.action.failover.PreconditionCheck;
import io.ravenwatch.bot.action.failover.ServicePlan;
import io.ravenwatch.bot.action.failover.step.StepContext;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.CommandSpec;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.OptionSpec;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /failover <service> [to] [dry_run]}: shows the service's plan (from the active node to the
 * chosen standby, the preconditions' state, the steps and post-checks); after the same user
 * confirms, re-checks the preconditions, runs the steps one by one (editing the reply after each),
 * stops at the first that fails with what was done and what was not, runs the post-checks, records
 * the new active node (shown by {@code /status}), and reports the outcome in the incident threads
 * of the service. With {@code dry_run} it shows the plan and runs nothing.
 *
 * <p>Chat input only selects a configured service and one of its nodes; everything a step touches
 * comes from the {@code failover:} section.
 */
public final class FailoverCommand implements Command {
  static final String SERVICE = "service";
  static final String TO = "to";
  static final String DRY_RUN = "dry_run";

  /** How long the plan's live checks (replication lag, roles) may take: the plan must be quick. */
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

  private final BotContext context;
  private final FailoverRunner runner;
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  public FailoverCommand(BotContext context) {
    this.context = context;
    this.runner = new FailoverRunner(context.clock());
  }

  @Override
  public CommandSpec spec() {
    return new CommandSpec(
            "failover",
            "Fail a service over to a standby (shows the plan first)",
            Capability.FAILOVER,
            false,
            false,
            List.of(
                OptionSpec.required(SERVICE, "A failover service", OptionSpec.Completion.TARGET),
                OptionSpec.optional(
                    TO,
                    "The node to make active (default: the next standby)",
                    OptionSpec.Completion.TARGET),
                new OptionSpec(
                    DRY_RUN,
                    "Show the plan, run nothing",
                    OptionSpec.Type.BOOLEAN,
                    false,
                    OptionSpec.Completion.NONE,
                    List.of())),
            List.of())
        .destructively()
        .slowly();
  }

  @Override
  public boolean confirms(Invocation invocation) {
    return !dryRun(invocation);
  }

  private static boolean dryRun(Invocation invocation) {
    return invocation.option(DRY_RUN).map("true"::equals).orElse(false);
  }

  @Override
  public ChatMessage plan(Invocation invocation) throws CommandException {
    Selection s = select(invocation);
    return render(s, false);
  }

  private ChatMessage render(Selection s, boolean dryRun) {
    StepContext ctx = stepContext(s);
    return FailoverMessages.plan(
        s,
        preconditions().evaluate(s.plan(), s.to()),
        FailoverRunner.preview(s.plan().steps(), ctx),
        FailoverRunner.preview(s.plan().postChecks(), ctx),
        dryRun,
        context.clock().instant());
  }

  @Override
  public void handle(Invocation invocation) throws CommandException, InterruptedException {
    Selection s = select(invocation);
    if (dryRun(invocation)) {
      invocation.reply().send(render(s, true));
      return;
    }
    ServicePlan plan = s.plan();
    if (!running.add(plan.name())) {
      throw new CommandException("A failover of " + plan.name() + " is running already.");
    }
    try {
      List<PreconditionCheck.State> states = preconditions().evaluate(plan, s.to());
      if (!PreconditionCheck.allMet(states)) {
        throw new CommandException(
            "Preconditions not met, nothing was done: "
                + String.join(
                    "; ",
                    states.stream()
                        .filter(st -> !st.met())
                        .map(st -> st.what() + " — " + st.detail())
                        .toList())
                + ".");
      }
      run(invocation, s);
    } finally {
      running.remove(plan.name());
    }
  }

  private void run(Invocation invocation, Selection s)
      throws CommandException, InterruptedException {
    ServicePlan plan = s.plan();
    String by = invocation.caller().name();
    String before = NodeRoles.describe(plan, s.from(), CHECK_TIMEOUT);
    var first = new boolean[] {true};
    FailoverReport report =
        runner.run(
            plan,
            stepContext(s),
            r -> {
              ChatMessage m = FailoverMessages.progress(r, by, context.clock().instant());
              if (first[0]) {
                first[0] = false;
                invocation.reply().send(m);
              } else {
                invocation.reply().edit(m);
              }
            });
    String active = s.from();
    if (report.stepsOk()) {
      activeNodes().set(plan.name(), s.to(), context.clock().instant(), by);
      active = s.to();
    }
    String after = NodeRoles.describe(plan, active, CHECK_TIMEOUT);
    invocation.reply().recordState(before, after);
    context.outlets().toIncidents(plan.target(), report.summary() + " (run by " + by + ")");
    if (!report.ok()) {
      throw new CommandException(report.summary());
    }
  }

  private Selection select(Invocation invocation) throws CommandException {
    return Selection.of(
        config(),
        activeNodes(),
        invocation.option(SERVICE).orElse(""),
        invocation.option(TO).orElse(null));
  }

  private FailoverConfig config() {
    return context.config().sections().containsKey(FailoverSection.SECTION.key())
        ? context.config().section(FailoverSection.SECTION)
        : new FailoverConfig(Map.of());
  }

  private ActiveNodes activeNodes() {
    return ActiveNodes.in(context.config().dataDir());
  }

  private PreconditionCheck preconditions() {
    return new PreconditionCheck(context.lastResults(), CHECK_TIMEOUT);
  }

  private StepContext stepContext(Selection s) {
    return new StepContext(
        s.plan().name(),
        s.plan().nodes(),
        s.from(),
        s.to(),
        Duration.ofSeconds(30),
        this::runProbes,
        context.config().containerEngines(),
        context.clock());
  }

  private List<ProbeResult> runProbes(String target) throws InterruptedException {
    Optional<Target> t = context.inventory().find(target);
    return t.isEmpty() ? List.of() : context.scheduler().runOnce(t.get());
  }

  @Override
  public List<Suggestion> suggest(String option, String typed, Map<String, String> given) {
    FailoverConfig config = config();
    List<String> values;
    if (SERVICE.equals(option)) {
      values = List.copyOf(config.services().keySet());
    } else if (TO.equals(option)) {
      values =
          config
              .service(given.getOrDefault(SERVICE, ""))
              .map(p -> p.candidates(activeNodes().active(p)))
              .orElse(List.of());
    } else {
      values = List.of();
    }
    return values.stream()
        .filter(v -> v.startsWith(typed == null ? "" : typed))
        .limit(25)
        .map(v -> new Suggestion(v, v))
        .toList();
  }

  @Override
  public List<String> complete(String option, String typed) {
    return suggest(option, typed, Map.of()).stream().map(Suggestion::value).toList();
  }
}
