package io.ravenwatch.alerts.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The enabled rules by measurement (and the {@code probe}-only rules by probe type), with the scope
 * of each decided once per target and cached: a point then costs a couple of map lookups to find
 * the few rules that apply to it. Not thread-safe.
 */
final class RuleIndex {
  private static final Rule[] NONE = new Rule[0];
  private static final int MAX_TARGETS = 100_000;

  private final Map<String, Rule[]> byMeasurement = new HashMap<>();
  private final Map<String, Rule[]> probeByType = new HashMap<>();
  private final Rule[] probeAnyType;
  private final String[] scopeKeys;
  private final Map<String, TargetEntry> targets = new HashMap<>();

  RuleIndex(List<Rule> rules) {
    var measurement = new HashMap<String, List<Rule>>();
    var byType = new HashMap<String, List<Rule>>();
    var anyType = new ArrayList<Rule>();
    var keys = new LinkedHashSet<String>(List.of("group", "region"));
    for (Rule r : rules) {
      if (!r.enabled()) {
        continue;
      }
      keys.addAll(r.scope().tagKeys());
      if (r.measurement() != null) {
        measurement.computeIfAbsent(r.measurement(), m -> new ArrayList<>()).add(r);
      } else if (r.condition().probeType() != null) {
        byType.computeIfAbsent(r.condition().probeType(), t -> new ArrayList<>()).add(r);
      } else {
        anyType.add(r);
      }
    }
    measurement.forEach((m, list) -> byMeasurement.put(m, list.toArray(NONE)));
    byType.forEach((t, list) -> probeByType.put(t, list.toArray(NONE)));
    probeAnyType = anyType.toArray(NONE);
    scopeKeys = keys.toArray(new String[0]);
  }

  /** Whether any rule reads only the probe result (so target tags are worth finding). */
  boolean hasProbeRules() {
    return probeAnyType.length > 0 || !probeByType.isEmpty();
  }

  /** Whether any rule reads this measurement at all. */
  boolean reads(String measurement) {
    return byMeasurement.containsKey(measurement);
  }

  /** The rules of a measurement whose scope admits this target. */
  Rule[] forMeasurement(String measurement, String target, Map<String, String> tags) {
    Rule[] all = byMeasurement.get(measurement);
    if (all == null) {
      return NONE;
    }
    TargetEntry e = entry(target, tags);
    Rule[] rules = e.byMeasurement.get(measurement);
    if (rules == null) {
      rules = filter(all, target, tags);
      e.byMeasurement.put(measurement, rules);
    }
    return rules;
  }

  /** The probe-only rules for this probe type whose scope admits this target. */
  Rule[] forProbe(String type, String target, Map<String, String> tags) {
    TargetEntry e = entry(target, tags);
    Rule[] rules = e.byProbeType.get(type);
    if (rules == null) {
      var all = new ArrayList<Rule>(List.of(probeByType.getOrDefault(type, NONE)));
      all.addAll(List.of(probeAnyType));
      rules = filter(all.toArray(NONE), target, tags);
      e.byProbeType.put(type, rules);
    }
    return rules;
  }

  private static Rule[] filter(Rule[] all, String target, Map<String, String> tags) {
    var out = new ArrayList<Rule>(all.length);
    for (Rule r : all) {
      if (r.scope().matches(target, tags)) {
        out.add(r);
      }
    }
    return out.toArray(NONE);
  }

  /** The cached decisions for a target, recomputed when a tag a scope reads has changed. */
  private TargetEntry entry(String target, Map<String, String> tags) {
    TargetEntry e = targets.get(target);
    if (e == null || !e.sameScopeTags(tags)) {
      if (targets.size() >= MAX_TARGETS) {
        targets.clear();
      }
      e = new TargetEntry(snapshot(tags));
      targets.put(target, e);
    }
    return e;
  }

  private String[] snapshot(Map<String, String> tags) {
    String[] values = new String[scopeKeys.length];
    for (int i = 0; i < scopeKeys.length; i++) {
      values[i] = tags.get(scopeKeys[i]);
    }
    return values;
  }

  private final class TargetEntry {
    final String[] values;
    final Map<String, Rule[]> byMeasurement = new HashMap<>();
    final Map<String, Rule[]> byProbeType = new HashMap<>();

    TargetEntry(String[] values) {
      this.values = values;
    }

    boolean sameScopeTags(Map<String, String> tags) {
      for (int i = 0; i < scopeKeys.length; i++) {
        if (!java.util.Objects.equals(values[i], tags.get(scopeKeys[i]))) {
          return false;
        }
      }
      return true;
    }
  }

  /** Every tag key some scope reads. */
  Set<String> scopeKeys() {
    return Set.of(scopeKeys);
  }
}
