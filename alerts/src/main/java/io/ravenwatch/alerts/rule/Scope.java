package io.ravenwatch.alerts.rule;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled {@link ScopeConfig}: decides from a target's name and tags whether a rule applies.
 * Only the target's identity is looked at, so the answer can be cached per target (see {@link
 * RuleIndex}).
 */
public record Scope(
    List<Pattern> names, Set<String> groups, Set<String> regions, Map<String, String> tags) {

  static final Scope EVERYTHING = new Scope(List.of(), Set.of(), Set.of(), Map.of());

  static Scope of(ScopeConfig c) {
    if (c == null) {
      return EVERYTHING;
    }
    var names = new java.util.ArrayList<Pattern>();
    c.hosts().forEach(n -> names.add(glob(n)));
    c.services().forEach(n -> names.add(glob(n)));
    return new Scope(
        List.copyOf(names), Set.copyOf(c.groups()), Set.copyOf(c.regions()), Map.copyOf(c.tags()));
  }

  /** Whether a target with this name and these point tags is in scope. */
  boolean matches(String target, Map<String, String> targetTags) {
    if (!names.isEmpty() && names.stream().noneMatch(p -> p.matcher(target).matches())) {
      return false;
    }
    if (!groups.isEmpty() && !groups.contains(targetTags.get("group"))) {
      return false;
    }
    if (!regions.isEmpty() && !regions.contains(targetTags.get("region"))) {
      return false;
    }
    for (Map.Entry<String, String> t : tags.entrySet()) {
      if (!t.getValue().equals(targetTags.get(t.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The tag keys this scope reads (for cache validation). */
  Set<String> tagKeys() {
    return tags.keySet();
  }

  private static Pattern glob(String name) {
    var sb = new StringBuilder();
    for (String part : name.split("\\*", -1)) {
      if (!sb.isEmpty()) {
        sb.append(".*");
      }
      sb.append(Pattern.quote(part));
    }
    return Pattern.compile(sb.toString());
  }
}
