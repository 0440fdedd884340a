package io.ravenwatch.bot.chat;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what: a capability is granted to role ids (from {@code discord.roles}); a chat user
 * holds it when one of their roles is granted it. The console operator holds {@code
 * discord.console_capabilities}. Everything else is refused.
 *
 * <pre>{@code
 * Permissions permissions = Permissions.from(discordConfig);
 * if (!permissions.allows(caller, Capability.SILENCE)) { ... refuse and audit ... }
 * }</pre>
 */
public final class Permissions {
  private final Map<Capability, Set<String>> roles;
  private final Set<Capability> console;

  /**
   * @param roles role ids granted each capability
   * @param console what the local operator ({@link Caller#CONSOLE}) may do
   */
  public Permissions(Map<Capability, ? extends Set<String>> roles, Set<Capability> console) {
    var copy = new EnumMap<Capability, Set<String>>(Capability.class);
    roles.forEach((c, ids) -> copy.put(c, Set.copyOf(ids)));
    this.roles = Collections.unmodifiableMap(copy);
    this.console =
        console.isEmpty()
            ? Collections.unmodifiableSet(EnumSet.noneOf(Capability.class))
            : Collections.unmodifiableSet(EnumSet.copyOf(console));
  }

  /** The permissions of a configuration's {@code discord:} section. */
  public static Permissions from(DiscordConfig config) {
    var map = new EnumMap<Capability, Set<String>>(Capability.class);
    for (Capability c : Capability.values()) {
      map.put(c, Set.copyOf(config.roles().of(c)));
    }
    return new Permissions(map, config.consoleCapabilitySet());
  }

  /** Whether {@code caller} holds {@code capability}. */
  public boolean allows(Caller caller, Capability capability) {
    if (Caller.CONSOLE.equals(caller)) {
      return console.contains(capability);
    }
    Set<String> granted = roles.getOrDefault(capability, Set.of());
    return caller.roleIds().stream().anyMatch(granted::contains);
  }

  /** A capability as users write it: {@code silence}. */
  public static String name(Capability capability) {
    return capability.name().toLowerCase(Locale.ROOT);
  }
}
