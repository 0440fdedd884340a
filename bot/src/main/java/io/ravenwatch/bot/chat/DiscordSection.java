package io.ravenwatch.bot.chat;

import io.ravenwatch.probes.config.Binder;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.ConfigSection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds the {@code discord:} section to {@link DiscordConfig}, with two defaults plain binding
 * cannot express: a token whose environment variable is unset means "no Discord, use the console"
 * (not an error), and an absent {@code console_capabilities} grants the console operator everything
 * (an explicit empty list grants nothing).
 */
public final class DiscordSection {
  private static final String TOKEN = "token";
  private static final String CONSOLE_CAPABILITIES = "console_capabilities";
  private static final Pattern PLAIN_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");

  /** The section, for {@code ConfigLoader.load(…, List.of(DiscordSection.SECTION))}. */
  public static final ConfigSection<DiscordConfig> SECTION =
      new ConfigSection<>("discord", DiscordConfig.class, DiscordSection::bind);

  private DiscordSection() {}

  static DiscordConfig bind(Object node, Binder binder, ConfigErrors errors, String path) {
    if (!(node instanceof Map<?, ?> map)) {
      return binder.bindRecord(node, DiscordConfig.class, path, Set.of());
    }
    var withDefaults = new LinkedHashMap<Object, Object>(map);
    if (withDefaults.get(TOKEN) instanceof String s && PLAIN_REFERENCE.matcher(s).matches()) {
      // ${DISCORD_TOKEN} unset reads as empty: a machine without the token runs the console chat.
      withDefaults.put(TOKEN, s.substring(0, s.length() - 1) + ":-}");
    }
    if (!withDefaults.containsKey(CONSOLE_CAPABILITIES)) {
      withDefaults.put(
          CONSOLE_CAPABILITIES, Arrays.stream(Capability.values()).map(Permissions::name).toList());
    }
    return binder.bindRecord(withDefaults, DiscordConfig.class, path, Set.of());
  }
}
