package io.ravenwatch.bot.chat;

import java.util.List;
import java.util.Objects;

/**
 * One option of a slash command.
 *
 * @param name lower-case, as Discord requires
 * @param description shown in the client
 * @param type how the client asks for it
 * @param required whether it must be given
 * @param completion where autocomplete suggestions come from
 * @param choices fixed choices (e.g. a range: 1h, 6h, 24h), empty for free input
 */
public record OptionSpec(
    String name,
    String description,
    Type type,
    boolean required,
    Completion completion,
    List<String> choices) {

  /** The option's value type. */
  public enum Type {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN
  }

  /** Live suggestions while the user types. */
  public enum Completion {
    NONE,
    /** Hosts and services of the inventory. */
    TARGET,
    /** A target, a group or a region. */
    TARGET_GROUP_REGION,
    /** Active alerts (fingerprint or group key, shown by summary). */
    ALERT,
    /** Silences that are active or pending. */
    SILENCE,
    /** Metrics a graph can show for the chosen target. */
    METRIC,
    /** Maintenance windows that are open or scheduled. */
    WINDOW,
    /**
     * Names the command itself declares in its configuration section (restartable things, failover
     * plans): suggested by the command's own {@code complete}/{@code suggest}.
     */
    DECLARED
  }

  public OptionSpec {
    Objects.requireNonNull(name);
    Objects.requireNonNull(description);
    Objects.requireNonNull(type);
    Objects.requireNonNull(completion);
    choices = List.copyOf(choices);
  }

  public static OptionSpec required(String name, String description, Completion completion) {
    return new OptionSpec(name, description, Type.STRING, true, completion, List.of());
  }

  public static OptionSpec optional(String name, String description, Completion completion) {
    return new OptionSpec(name, description, Type.STRING, false, completion, List.of());
  }
}
