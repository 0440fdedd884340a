package io.ravenwatch.bot.command.restart;

import io.ravenwatch.bot.chat.BotContext;
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
import io.ravenwatch.bot.command.restart.Restarter.Observation;
import io.ravenwatch.probes.container.EngineFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /restart <target>}: restarts one thing declared under {@code restart.targets} — a Docker
 * container, a Swarm service (rolling, forced update) or a Kubernetes deployment (rollout restart)
 * — after its plan (engine, kind, current state) was confirmed by the same user. It then waits
 * until the thing is healthy again or its timeout passes, editing the reply as the state changes,
 * and reports the timings in the reply, the audit (state before and after) and the incident threads
 * of its target.
 */
public final class RestartCommand implements Command {
  private static final Logger logger = LoggerFactory.getLogger(RestartCommand.class);

  static final String TARGET = "target";

  /** How long the plan waits for the engine's answer. */
  static final Duration PLAN_WAIT = Duration.ofSeconds(2);

  private final BotContext context;

  public RestartCommand(BotContext context) {
    this.context = context;
  }

  @Override
  public CommandSpec spec() {
    return CommandSpec.of(
            "restart",
            "Restart a declared container, Swarm service or Kubernetes deployment",
            Capability.RESTART,
            OptionSpec.required(TARGET, "What to restart", OptionSpec.Completion.DECLARED))
        .destructively()
        .slowly();
  }

  private RestartConfig config() {
    try {
      return context.config().section(RestartConfig.SECTION);
    } catch (IllegalArgumentException e) {
      return new RestartConfig(Duration.ofSeconds(1), Map.of()); // the section was not loaded
    }
  }

  private record Chosen(String name, Restartable restartable) {
    String what() {
      return restartable.kind().label()
          + " "
          + restartable.object()
          + " on "
          + restartable.engine();
    }

    String incidentTarget() {
      return restartable.target() == null ? name : restartable.target();
    }
  }

  private Chosen choose(Invocation invocation) throws CommandException {
    String name = invocation.option(TARGET).orElse("");
    Map<String, Restartable> targets = config().targets();
    Restartable r = targets.get(name);
    if (r == null) {
      throw new CommandException(
          targets.isEmpty()
              ? "Nothing is declared restartable (restart.targets in the configuration)."
              : "Unknown restart target `"
                  + Limits.cut(name, 60)
                  + "`. Declared: "
                  + String.join(", ", targets.keySet())
                  + ".");
    }
    return new Chosen(name, r);
  }

  @Override
  public ChatMessage plan(Invocation invocation) throws CommandException {
    Chosen chosen = choose(invocation);
    Observation now = quickLook(chosen);
    String content =
        "Will restart "
            + chosen.what()
            + ", then wait up to "
            + Format.duration(chosen.restartable().timeout())
            + " for it to be healthy.\nNow: "
            + now.summary();
    return ChatMessage.text(content);
  }

  /**
   * The current state for the plan, within {@link #PLAN_WAIT}: the plan is answered before Discord
   * gives up on the interaction (3 s), so a slow engine is a short refusal, not a dead command.
   */
  private Observation quickLook(Chosen chosen) throws CommandException {
    var look =
        new FutureTask<>(
            () -> {
              try (Restarter restarter = open(chosen)) {
                return restarter.observe();
              }
            });
    Thread.ofVirtual().name("restart-plan-" + chosen.name()).start(look);
    try {
      return look.get(PLAN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      look.cancel(true);
      throw new CommandException(
          chosen.restartable().engine()
              + " did not answer within "
              + PLAN_WAIT.toSeconds()
              + " s; nothing was done.");
    } catch (ExecutionException e) {
      throw new CommandException(
          "Cannot read the state of " + chosen.name() + ": " + reason(chosen, e.getCause()) + ".");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandException("Ravenwatch is stopping: nothing was done.");
    }
  }

  @Override
  public void handle(Invocation invocation) throws CommandException, InterruptedException {
    Chosen chosen = choose(invocation);
    Reply reply = invocation.reply();
    String who = invocation.caller().name();
    try (Restarter restarter = open(chosen)) {
      Observation before = observe(restarter, chosen);
      Instant start = context.clock().instant();
      reply.send(
          ChatMessage.text("🔄 Restarting " + chosen.what() + "… (was: " + before.summary() + ")"));
      try {
        restarter.restart();
      } catch (RuntimeException e) {
        String why = reason(chosen, e);
        String text = "❌ /restart " + chosen.name() + " by " + who + " failed: " + why;
        finish(reply, chosen, text, Format.RED, before.summary(), "unchanged: " + why);
        throw new CommandException("The restart of " + chosen.name() + " failed: " + why);
      }
      Instant restarted = context.clock().instant();
      String took = seconds(Duration.between(start, restarted));
      Observation last = waitHealthy(restarter, chosen, reply, took, restarted);
      Duration healthyAfter = Duration.between(start, context.clock().instant());
      if (last.healthy()) {
        String text =
            "✅ /restart "
                + chosen.name()
                + " by "
                + who
                + ": "
                + chosen.what()
                + " restarted in "
                + took
                + ", healthy after "
                + seconds(healthyAfter)
                + ". Now: "
                + last.summary();
        finish(reply, chosen, text, Format.GREEN, before.summary(), last.summary());
        return;
      }
      String text =
          "⚠️ /restart "
              + chosen.name()
              + " by "
              + who
              + ": "
              + chosen.what()
              + " restarted in "
              + took
              + " but not healthy after "
              + Format.duration(chosen.restartable().timeout())
              + ". Last seen: "
              + last.summary();
      finish(reply, chosen, text, Format.ORANGE, before.summary(), last.summary());
      throw new CommandException(
          chosen.name()
              + " was restarted but is not healthy after "
              + Format.duration(chosen.restartable().timeout())
              + ".");
    }
  }

  /** Polls until healthy or the timeout, editing the reply whenever the state changes. */
  private Observation waitHealthy(
      Restarter restarter, Chosen chosen, Reply reply, String took, Instant restarted)
      throws InterruptedException {
    Instant deadline = restarted.plus(chosen.restartable().timeout());
    Duration poll = config().pollInterval();
    Observation last = null;
    while (true) {
      Observation now = observe(restarter, chosen);
      if (!now.equals(last)) {
        last = now;
        if (!now.healthy()) {
          reply.edit(
              ChatMessage.text(
                  "⏳ Restarted "
                      + chosen.what()
                      + " in "
                      + took
                      + "; waiting for it to be healthy (up to "
                      + Format.duration(chosen.restartable().timeout())
                      + "). Now: "
                      + now.summary()));
        }
      }
      Duration left = Duration.between(context.clock().instant(), deadline);
      if (now.healthy() || left.isNegative() || left.isZero()) {
        return now;
      }
      Thread.sleep(Math.max(1, Math.min(poll.toMillis(), left.toMillis())));
    }
  }

  private Observation observe(Restarter restarter, Chosen chosen) {
    try {
      return restarter.observe();
    } catch (RuntimeException e) {
      // The engine may be briefly unreachable during a restart: a state, not the end of the wait.
      return new Observation(false, "state unreadable: " + reason(chosen, e));
    }
  }

  private void finish(
      Reply reply, Chosen chosen, String text, int color, String before, String after) {
    reply.edit(
        new ChatMessage(
            text,
            List.of(
                new ChatMessage.Embed(
                    "Restart of " + chosen.name(),
                    chosen.what(),
                    color,
                    List.of(
                        new ChatMessage.Field("Before", Limits.cut(before, 1000), false),
                        new ChatMessage.Field("After", Limits.cut(after, 1000), false)),
                    "",
                    "",
                    context.clock().instant(),
                    "")),
            List.of(),
            List.of(),
            false));
    reply.recordState(before, after);
    int threads = context.outlets().toIncidents(chosen.incidentTarget(), text);
    logger.info("{} (posted in {} incident threads)", text, threads);
  }

  private Restarter open(Chosen chosen) {
    return Restarter.open(chosen.restartable(), context.config().containerEngines());
  }

  private static String reason(Chosen chosen, Throwable e) {
    return EngineFailures.describe("engine " + chosen.restartable().engine(), e);
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  @Override
  public List<String> complete(String option, String typed) {
    return TARGET.equals(option)
        ? Completions.match(config().targets().keySet(), typed)
        : List.of();
  }
}
