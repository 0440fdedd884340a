package io.ravenwatch.bot.chat;

import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.bot.chat.ChatMessage.Button;
import io.ravenwatch.bot.chat.ConfirmationBook.Pending;
import io.ravenwatch.bot.chat.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs what chat users ask, the same for Discord and the console: finds the command, checks the
 * caller's capability (refusing ephemerally), defers slow commands, shows a destructive command's
 * plan and runs it only when the same user confirms in time, routes button presses, and turns
 * failures into short ephemeral replies (a bug gets an error id to find in the log, never a stack
 * trace). Every invocation, button press, refusal, confirmation and cancellation is audited with
 * its outcome and duration.
 *
 * <pre>{@code
 * var dispatcher = new CommandDispatcher(registry, permissions, auditLog,
 *     new ConfirmationBook(Duration.ofSeconds(60)), clock);
 * dispatcher.dispatch(new Invocation(caller, "silence", "add", options, reply));
 * dispatcher.onButton(caller, "cmd:ack:0123456789abcdef", reply);
 * }</pre>
 *
 * <p>Thread-safe: adapters call it from their event threads.
 */
public final class CommandDispatcher {
  private static final Logger logger = LoggerFactory.getLogger(CommandDispatcher.class);

  static final String EXPIRED = "This confirmation expired.";
  static final String GONE = "This button is not handled any more.";

  private final CommandRegistry registry;
  private final Permissions permissions;
  private final ConfirmationBook confirmations;
  private final Clock clock;
  private final Execution execution;

  public CommandDispatcher(
      CommandRegistry registry,
      Permissions permissions,
      AuditLog audit,
      ConfirmationBook confirmations,
      Clock clock) {
    this.registry = registry;
    this.permissions = permissions;
    this.confirmations = confirmations;
    this.clock = clock;
    this.execution = new Execution(audit, clock);
  }

  public CommandRegistry registry() {
    return registry;
  }

  /** Answers one slash command invocation through its reply. */
  public void dispatch(Invocation inv) {
    Instant start = clock.instant();
    Caller caller = inv.caller();
    Optional<Command> found = registry.find(inv.command());
    if (found.isEmpty()) {
      answer(inv.reply(), "Unknown command /" + inv.command() + ".");
      record(caller, inv.path(), inv.options(), Outcome.FAILED, "unknown command", start);
      return;
    }
    Command command = found.get();
    CommandSpec spec;
    try {
      spec = OptionCheck.effective(command.spec(), inv.subcommand());
      OptionCheck.check(spec, inv);
    } catch (CommandException e) {
      answer(inv.reply(), e.getMessage());
      record(caller, inv.path(), inv.options(), Outcome.FAILED, e.getMessage(), start);
      return;
    }
    if (!permissions.allows(caller, spec.capability())) {
      refuse(caller, spec.capability(), inv.path(), inv.path(), inv.options(), inv.reply(), start);
      return;
    }
    if (spec.destructive() && command.confirms(inv)) {
      plan(command, inv, start);
    } else {
      execution.run(
          caller,
          inv.path(),
          inv.options(),
          inv.reply(),
          spec.slow(),
          "",
          start,
          command::handle,
          inv);
    }
  }

  /**
   * A button was pressed: {@code confirm:}/{@code cancel:} of a plan, or {@code
   * cmd:<command>:<payload>} for a command's own button.
   */
  public void onButton(Caller caller, String customId, Reply reply) {
    Instant start = clock.instant();
    if (customId.startsWith(ButtonIds.CONFIRM)) {
      decide(caller, customId.substring(ButtonIds.CONFIRM.length()), true, reply, start);
    } else if (customId.startsWith(ButtonIds.CANCEL)) {
      decide(caller, customId.substring(ButtonIds.CANCEL.length()), false, reply, start);
    } else if (customId.startsWith(ButtonIds.COMMAND)) {
      commandButton(caller, customId.substring(ButtonIds.COMMAND.length()), reply, start);
    } else {
      answer(reply, GONE);
      record(caller, "button", Map.of("id", customId), Outcome.FAILED, "unknown button", start);
    }
  }

  /** Suggestions while {@code caller} types option {@code option} of {@code command}. */
  public List<String> autocomplete(Caller caller, String command, String option, String typed) {
    return suggest(caller, command, option, typed, Map.of()).stream()
        .map(Command.Suggestion::value)
        .toList();
  }

  /**
   * Suggestions, each with a label to show and the value to send, while {@code caller} types option
   * {@code option} of {@code command}; {@code given} are the options filled in so far (a graph's
   * metrics depend on its target).
   */
  public List<Command.Suggestion> suggest(
      Caller caller, String command, String option, String typed, Map<String, String> given) {
    Optional<Command> found = registry.find(command);
    // Suggestions reveal targets and alerts: only for those who may see them.
    if (found.isEmpty() || !permissions.allows(caller, Capability.VIEW)) {
      return List.of();
    }
    try {
      return List.copyOf(found.get().suggest(option, typed == null ? "" : typed, given));
    } catch (RuntimeException e) {
      logger.warn("autocomplete of /{} {} failed: {}", command, option, e.toString());
      return List.of();
    }
  }

  private void plan(Command command, Invocation inv, Instant start) {
    ChatMessage plan;
    try {
      plan = command.plan(inv);
    } catch (CommandException e) {
      answer(inv.reply(), e.getMessage());
      record(inv.caller(), inv.path(), inv.options(), Outcome.FAILED, e.getMessage(), start);
      return;
    } catch (RuntimeException | LinkageError | AssertionError e) {
      execution.bug(inv.caller(), inv.path(), inv.options(), inv.reply(), start, e);
      return;
    }
    Pending pending = confirmations.remember(inv, clock.instant());
    var buttons = new ArrayList<>(plan.buttons());
    buttons.add(Button.of(ButtonIds.confirm(pending.token()), "Confirm", Button.Style.DANGER));
    buttons.add(Button.of(ButtonIds.cancel(pending.token()), "Cancel", Button.Style.SECONDARY));
    String waits = confirmations.timeout().toSeconds() + " seconds";
    String note = "Only " + inv.caller().name() + " can confirm this, within " + waits + ".";
    String content = plan.content().isEmpty() ? note : plan.content() + "\n" + note;
    inv.reply()
        .send(new ChatMessage(content, plan.embeds(), buttons, plan.files(), plan.ephemeral()));
    record(
        inv.caller(),
        inv.path(),
        inv.options(),
        Outcome.PLANNED,
        "waiting " + waits + " for confirmation",
        start);
  }

  private void decide(Caller caller, String token, boolean confirm, Reply reply, Instant start) {
    Optional<Pending> found = confirmations.find(token);
    if (found.isEmpty()) {
      answer(reply, EXPIRED);
      record(caller, confirm ? "confirm" : "cancel", Map.of(), Outcome.EXPIRED, "", start);
      return;
    }
    Pending p = found.get();
    Invocation inv = p.invocation();
    String verb = confirm ? "confirm" : "cancel";
    if (!p.belongsTo(caller)) {
      answer(reply, "Only " + inv.caller().name() + " can " + verb + " this.");
      record(
          caller,
          inv.path(),
          inv.options(),
          Outcome.REFUSED,
          verb + " refused: the plan is " + inv.caller().name() + "'s",
          start);
      return;
    }
    boolean expired = p.expiredAt(clock.instant());
    // Taken even when expired, so the plan is forgotten; a second click finds nothing to take.
    boolean taken = confirmations.take(p);
    if (expired || !taken) {
      answer(reply, EXPIRED);
      record(caller, inv.path(), inv.options(), Outcome.EXPIRED, verb + " too late", start);
      return;
    }
    if (!confirm) {
      reply.send(ChatMessage.text("Cancelled: " + inv.path() + " (" + caller.name() + ")."));
      record(caller, inv.path(), inv.options(), Outcome.CANCELLED, "", start);
      return;
    }
    Optional<Command> command = registry.find(inv.command());
    CommandSpec spec;
    try {
      spec =
          OptionCheck.effective(
              command.orElseThrow(() -> new CommandException(GONE)).spec(), inv.subcommand());
    } catch (CommandException e) {
      answer(reply, GONE);
      record(caller, inv.path(), inv.options(), Outcome.FAILED, "command gone", start);
      return;
    }
    // Roles may have changed since the plan was shown.
    if (!permissions.allows(caller, spec.capability())) {
      refuse(caller, spec.capability(), inv.path(), inv.path(), inv.options(), reply, start);
      return;
    }
    var confirmed = new Invocation(caller, inv.command(), inv.subcommand(), inv.options(), reply);
    execution.run(
        caller,
        inv.path(),
        inv.options(),
        reply,
        spec.slow(),
        "confirmed",
        start,
        command.get()::handle,
        confirmed);
  }

  private void commandButton(Caller caller, String rest, Reply reply, Instant start) {
    int colon = rest.indexOf(':');
    String name = colon < 0 ? rest : rest.substring(0, colon);
    String payload = colon < 0 ? "" : rest.substring(colon + 1);
    String action = "button " + name;
    Map<String, String> params = Map.of("payload", payload);
    Optional<Command> found = registry.find(name);
    if (found.isEmpty()) {
      answer(reply, GONE);
      record(caller, action, params, Outcome.FAILED, "unknown command", start);
      return;
    }
    Command command = found.get();
    Capability needed;
    try {
      needed = command.buttonCapability(payload);
    } catch (RuntimeException e) {
      execution.bug(caller, action, params, reply, start, e);
      return;
    }
    if (!permissions.allows(caller, needed)) {
      refuse(caller, needed, "this button", action, params, reply, start);
      return;
    }
    execution.run(
        caller,
        action,
        params,
        reply,
        command.spec().slow(),
        "",
        start,
        r -> command.onButton(caller, payload, r.reply()),
        new Invocation(caller, name, "", Map.of(), reply));
  }

  private void refuse(
      Caller caller,
      Capability needed,
      String what,
      String action,
      Map<String, String> params,
      Reply reply,
      Instant start) {
    String capability = Permissions.name(needed);
    answer(reply, "You need the `" + capability + "` permission for " + what + ".");
    record(
        caller, action, params, Outcome.REFUSED, "needs the " + capability + " permission", start);
  }

  private static void answer(Reply reply, String text) {
    Execution.safely(reply, ChatMessage.ephemeral(text));
  }

  private void record(
      Caller caller,
      String action,
      Map<String, String> params,
      Outcome outcome,
      String detail,
      Instant start) {
    execution.record(caller, action, params, outcome, detail, null, start);
  }
}
