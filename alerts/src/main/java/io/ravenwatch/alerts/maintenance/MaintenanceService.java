package io.ravenwatch.alerts.maintenance;

import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.inventory.Inventory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Schedules, lists and ends maintenance windows, kept in the {@link AlertStore} (read once, written
 * through), and tells the router whether an alert's target is in an open window. A window covers a
 * target when the target or one of its ancestors (its switch, its hypervisor) is named in the
 * scope, or belongs to a group or region of the scope.
 *
 * <pre>{@code
 * var maintenance = new MaintenanceService(store, clock, inventory);
 * maintenance.schedule(new MaintenanceWindow(id, "patch night", new Scope(List.of("db1"), List.of(),
 *     List.of()), null, null, "0 0 2 ? * SUN", Duration.ofHours(2), ZoneId.of("Europe/Paris"),
 *     "alice", now));
 * }</pre>
 */
public final class MaintenanceService {
  private final AlertStore store;
  private final Clock clock;
  private final Inventory inventory;
  private final Map<String, MaintenanceWindow> windows = new ConcurrentHashMap<>();

  public MaintenanceService(AlertStore store, Clock clock, Inventory inventory) {
    this.store = store;
    this.clock = clock;
    this.inventory = inventory;
    for (MaintenanceWindow w : store.windows()) {
      windows.put(w.id(), w);
    }
  }

  /**
   * Schedules a window (or replaces the one with the same id).
   *
   * @throws IllegalArgumentException when its scope is empty (it would cover nothing)
   */
  public MaintenanceWindow schedule(MaintenanceWindow window) {
    if (window.scope().isEmpty()) {
      throw new IllegalArgumentException("a maintenance window needs targets, groups or regions");
    }
    store.saveWindow(window);
    windows.put(window.id(), window);
    return window;
  }

  /** The windows that have not ended: open now or to come, by when they were created. */
  public List<MaintenanceWindow> list() {
    Instant now = clock.instant();
    return windows.values().stream()
        .filter(w -> w.end() == null || w.end().isAfter(now))
        .sorted(Comparator.comparing(MaintenanceWindow::createdAt))
        .toList();
  }

  /**
   * Ends a window now: a one-off window closes, a recurring one does not open again. Empty when
   * there is no such window.
   */
  public Optional<MaintenanceWindow> end(String id) {
    MaintenanceWindow w = windows.get(id);
    if (w == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant start = w.start() != null && w.start().isAfter(now) ? now : w.start();
    var ended =
        new MaintenanceWindow(
            w.id(),
            w.reason(),
            w.scope(),
            start,
            now,
            w.cron(),
            w.duration(),
            w.zone(),
            w.createdBy(),
            w.createdAt());
    store.saveWindow(ended);
    windows.put(id, ended);
    return Optional.of(ended);
  }

  /** Why an alert with {@code labels} is muted by maintenance at {@code now}, or empty. */
  public Optional<String> mutedBy(Labels labels, Instant now) {
    return windows.values().stream()
        .filter(w -> w.isOpen(now) && covers(w.scope(), labels))
        .findFirst()
        .map(w -> "maintenance " + w.id() + (w.reason().isEmpty() ? "" : " (" + w.reason() + ")"));
  }

  /**
   * Whether the scope covers the alert's target or one of its ancestors, whatever the time (the
   * chat uses it to say what a window covers and what alerted in it).
   */
  public boolean covers(MaintenanceWindow.Scope scope, Labels labels) {
    String source = Objects.requireNonNullElse(labels.get("source"), "");
    // The alert's own labels first: a target unknown to the inventory can still match.
    if (matches(scope, source, labels.get("group"), labels.get("region"))) {
      return true;
    }
    var chain = new ArrayList<Target>();
    inventory.find(source).ifPresent(chain::add);
    chain.addAll(inventory.ancestors(source));
    return chain.stream().anyMatch(t -> matches(scope, t.name(), t.group(), t.region()));
  }

  private static boolean matches(
      MaintenanceWindow.Scope scope, String name, String group, String region) {
    return (!name.isEmpty() && scope.targets().contains(name))
        || (group != null && !group.isEmpty() && scope.groups().contains(group))
        || (region != null && !region.isEmpty() && scope.regions().contains(region));
  }
}
