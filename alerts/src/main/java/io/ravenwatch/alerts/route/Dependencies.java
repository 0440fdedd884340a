package io.ravenwatch.alerts.route;

import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.inventory.Inventory;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inventory's parent links as the router uses them: an alert about a target is suppressed while
 * one of the target's ancestors is down, and it is counted under the <em>topmost</em> down ancestor
 * (a core switch, not the access switch behind it that is down because of it).
 */
final class Dependencies {
  private final Inventory inventory;

  Dependencies(Inventory inventory) {
    this.inventory = inventory;
  }

  /**
   * The down ancestor that explains an alert about {@code target}, or empty.
   *
   * @param down the targets that are down now (or recovered too recently to trust their dependents)
   */
  Optional<String> cause(String target, Set<String> down) {
    if (target.isEmpty() || down.isEmpty()) {
      return Optional.empty();
    }
    List<Target> chain = inventory.ancestors(target);
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (down.contains(chain.get(i).name())) {
        return Optional.of(chain.get(i).name());
      }
    }
    return Optional.empty();
  }
}
