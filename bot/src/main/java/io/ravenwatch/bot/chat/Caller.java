package io.ravenwatch.bot.chat;

import java.util.Objects;
import java.util.Set;

/**
 * Who invoked a command or pressed a button, with their roles at that moment (the audit log keeps
 * them: roles change, the record must not).
 *
 * @param id the chat user id (a Discord snowflake, or {@code console})
 * @param name a display name for messages and the audit log
 * @param roleIds the user's role ids in the guild
 */
public record Caller(String id, String name, Set<String> roleIds) {
  public Caller {
    Objects.requireNonNull(id);
    Objects.requireNonNull(name);
    roleIds = Set.copyOf(roleIds);
  }

  /** The local operator at the console. */
  public static final Caller CONSOLE = new Caller("console", "console", Set.of());
}
