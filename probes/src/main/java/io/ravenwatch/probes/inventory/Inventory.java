package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resolved hosts and services, in the order of the configuration file, with lookup by name.
 * Every {@link Target#parent()} names a target of this inventory, and parent chains end.
 */
public final class Inventory {
  private final Map<String, Target> byName = new LinkedHashMap<>();

  /**
   * An inventory of {@code targets}.
   *
   * @throws IllegalArgumentException when two targets share a name
   */
  public Inventory(List<Target> targets) {
    for (Target t : targets) {
      if (byName.putIfAbsent(t.name(), t) != null) {
        throw new IllegalArgumentException("two targets are named " + t.name());
      }
    }
  }

  /** Every target, hosts first, in file order. */
  public List<Target> targets() {
    return List.copyOf(byName.values());
  }

  public Optional<Target> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(byName.keySet());
  }

  public int size() {
    return byName.size();
  }

  /** The targets whose parent is {@code name}: what becomes unreachable when it goes down. */
  public List<Target> children(String name) {
    return byName.values().stream().filter(t -> t.parent().equals(name)).toList();
  }

  /** The parents of {@code name}, nearest first (empty for a target without a parent). */
  public List<Target> ancestors(String name) {
    var chain = new ArrayList<Target>();
    Target t = byName.get(name);
    while (t != null && !t.parent().isEmpty()) {
      t = byName.get(t.parent());
      if (t == null || chain.contains(t)) {
        break;
      }
      chain.add(t);
    }
    return chain;
  }

  @Override
  public String toString() {
    return "Inventory" + byName.values();
  }
}
