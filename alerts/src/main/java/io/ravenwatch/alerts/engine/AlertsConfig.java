package io.ravenwatch.alerts.engine;

import io.ravenwatch.alerts.lifecycle.LifecycleSettings;
import io.ravenwatch.alerts.notify.ReceiverSpec;
import io.ravenwatch.alerts.receive.ReceiverSettings;
import io.ravenwatch.alerts.route.RouteSettings;
import io.ravenwatch.alerts.store.StoreSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code alerts:} section of {@code ravenwatch.yml}; {@link AlertsSection} binds it.
 *
 * @param enabled whether the alert engine runs at all
 * @param rulesDir the directory of rule files, relative to the configuration file; null when not
 *     configured: then {@value #DEFAULT_RULES_DIR} is used if it exists
 * @param defaultRules whether the shipped default rules are loaded (each can still be disabled)
 * @param lifecycle staleness, resolved-alert retention and flapping detection
 * @param route receivers, grouping, repeat, escalation, dependencies
 * @param store where alert state lives: embedded H2 in the data directory, or PostgreSQL
 * @param receive the HTTP receiver of Alertmanager and Grafana webhooks, or null when off
 * @param receivers the notifiers by name; a {@code console} receiver exists when none is given
 */
public record AlertsConfig(
    boolean enabled,
    Path rulesDir,
    boolean defaultRules,
    LifecycleSettings lifecycle,
    RouteSettings route,
    StoreSettings store,
    ReceiverSettings receive,
    List<ReceiverSpec> receivers) {

  /** The rules directory looked for when {@code rules_dir} is not set. */
  public static final String DEFAULT_RULES_DIR = "rules";

  public AlertsConfig {
    receivers = List.copyOf(receivers);
  }

  /** The receiver names, in order. */
  public List<String> receiverNames() {
    return receivers.stream().map(ReceiverSpec::name).toList();
  }
}
