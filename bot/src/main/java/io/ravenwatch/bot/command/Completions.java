package io.ravenwatch.bot.command;

import io.ravenwatch.bot.chat.Command.Suggestion;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.inventory.Inventory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Autocomplete matching shared by the commands: what starts with the typed text first, then what
 * contains it, case-insensitively, at most {@link Limits#SUGGESTIONS}.
 */
public final class Completions {
  private Completions() {}

  /** The candidates matching {@code typed}, prefix matches before substring matches. */
  public static List<String> match(Collection<String> candidates, String typed) {
    return suggest(candidates.stream().map(c -> new Suggestion(c, c)).toList(), typed).stream()
        .map(Suggestion::value)
        .toList();
  }

  /** The suggestions whose label or value matches {@code typed}, prefixes first. */
  public static List<Suggestion> suggest(Collection<Suggestion> candidates, String typed) {
    String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    var prefix = new ArrayList<Suggestion>();
    var contains = new ArrayList<Suggestion>();
    var seen = new LinkedHashSet<String>();
    for (Suggestion s : candidates) {
      if (!seen.add(s.value())) {
        continue;
      }
      String value = s.value().toLowerCase(Locale.ROOT);
      String label = s.label().toLowerCase(Locale.ROOT);
      if (value.startsWith(t) || label.startsWith(t)) {
        prefix.add(s);
      } else if (value.contains(t) || label.contains(t)) {
        contains.add(s);
      }
    }
    prefix.addAll(contains);
    return prefix.stream()
        .limit(Limits.SUGGESTIONS)
        .map(
            s ->
                new Suggestion(
                    Limits.cut(s.label(), Limits.SUGGESTION),
                    Limits.cut(s.value(), Limits.SUGGESTION)))
        .toList();
  }

  /** Target names of the inventory. */
  public static List<String> targets(Inventory inventory, String typed) {
    return match(inventory.names(), typed);
  }

  /** Target names, then groups and regions (sorted), as {@link Scope} understands them. */
  public static List<String> scopes(Inventory inventory, String typed) {
    var all = new ArrayList<String>(inventory.names());
    var groups = new TreeSet<String>();
    var regions = new TreeSet<String>();
    for (Target t : inventory.targets()) {
      if (!t.group().isEmpty()) {
        groups.add(t.group());
      }
      if (!t.region().isEmpty()) {
        regions.add(t.region());
      }
    }
    all.addAll(groups);
    all.addAll(regions);
    return match(all, typed);
  }
}
