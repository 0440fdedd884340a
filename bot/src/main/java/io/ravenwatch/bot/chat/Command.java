package io.ravenwatch.bot.chat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A slash command: one class each, listed in {@code CommandRegistry.standard()}. The dispatcher has
 * already checked the caller's capability (and, for a destructive command, that the same user
 * confirmed) before {@link #handle} runs, and audits every outcome.
 *
 * <p>Bad input is answered with {@link CommandException} (a short ephemeral reason); anything else
 * thrown is a bug: the user gets an error id to find in the log, never a stack trace.
 */
public interface Command {

  CommandSpec spec();

  /** Runs one invocation; answers through {@code invocation.reply()}. */
  void handle(Invocation invocation) throws CommandException, InterruptedException;

  /**
   * For a destructive command: the plan shown before the user confirms (what will be done to what).
   * Throws {@link CommandException} when the input is bad, before anything is asked.
   */
  default ChatMessage plan(Invocation invocation) throws CommandException {
    throw new UnsupportedOperationException(spec().name() + " is not destructive");
  }

  /**
   * Whether this invocation of a destructive command must show its plan and wait for confirmation
   * first. True by default; a command may say no for an invocation that changes nothing (e.g.
   * {@code /failover … dry_run:true}, which only shows the plan) — it then runs at once.
   */
  default boolean confirms(Invocation invocation) {
    return true;
  }

  /**
   * A button this command put on a message was pressed; {@code payload} is what followed the
   * command's prefix in the button id.
   */
  default void onButton(Caller caller, String payload, Reply reply)
      throws CommandException, InterruptedException {
    throw new CommandException("This button is not handled any more.");
  }

  /**
   * The capability a press of one of this command's buttons needs. By default the first capability
   * beyond {@code view} that the command or one of its subcommands needs (so a Silence button on an
   * alert needs {@code silence}, not the {@code view} of {@code /silence list}), else the command's
   * own. Override when the buttons differ (e.g. by payload).
   */
  default Capability buttonCapability(String payload) {
    CommandSpec spec = spec();
    return Stream.concat(
            Stream.of(spec.capability()), spec.subcommands().stream().map(CommandSpec::capability))
        .filter(c -> c != Capability.VIEW)
        .findFirst()
        .orElse(spec.capability());
  }

  /** Suggestions for an option while the user types; the adapter keeps the first 25. */
  default List<String> complete(String option, String typed) {
    return List.of();
  }

  /**
   * Suggestions with a label to show and a value to send (an alert shown by its summary, sent as
   * its fingerprint), knowing the options the user has already filled in ({@code given}: e.g. the
   * target, for the metrics of {@code /graph}). Defaults to {@link #complete} with label = value.
   */
  default List<Suggestion> suggest(String option, String typed, Map<String, String> given) {
    return complete(option, typed).stream().map(v -> new Suggestion(v, v)).toList();
  }

  /**
   * One autocomplete suggestion.
   *
   * @param label what the user sees (Discord: at most 100 characters)
   * @param value what the option is set to when chosen (at most 100 characters)
   */
  record Suggestion(String label, String value) {}
}
