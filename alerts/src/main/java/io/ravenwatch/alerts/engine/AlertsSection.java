package io.ravenwatch.alerts.engine;

import io.ravenwatch.alerts.notify.NotifierRegistry;
import io.ravenwatch.alerts.notify.ReceiverSpec;
import io.ravenwatch.alerts.route.RouteSettings;
import io.ravenwatch.probes.config.Binder;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.ConfigSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the {@code alerts:} section: its plain keys as a record, {@code receivers:} by notifier
 * type, and checks that every receiver the routes name exists.
 */
public final class AlertsSection {
  private static final String RECEIVERS = "receivers";

  /**
   * The section with the standard notifier types, for {@code ConfigLoader.load(…,
   * List.of(AlertsSection.SECTION))}.
   */
  public static final ConfigSection<AlertsConfig> SECTION = section(NotifierRegistry.standard());

  private AlertsSection() {}

  /**
   * The section with the receiver types of {@code registry} (a module above alerts adds its own,
   * e.g. the bot's {@code discord}); {@code config.section(SECTION)} finds it too (same key).
   */
  public static ConfigSection<AlertsConfig> section(NotifierRegistry registry) {
    return new ConfigSection<>(
        "alerts",
        AlertsConfig.class,
        (node, binder, errors, path) -> bind(node, binder, errors, path, registry));
  }

  static AlertsConfig bind(
      Object node, Binder binder, ConfigErrors errors, String path, NotifierRegistry registry) {
    AlertsFile file = binder.bindRecord(node, AlertsFile.class, path, Set.of(RECEIVERS));
    Object receiversNode = node instanceof Map<?, ?> m ? m.get(RECEIVERS) : null;
    List<ReceiverSpec> receivers =
        new ArrayList<>(
            registry.bind(receiversNode, binder, errors, ConfigErrors.key(path, RECEIVERS)));
    if (receiversNode == null) {
      // Without receivers, notifications go to the console so a newcomer sees them.
      receivers.addAll(
          registry.bind(
              Map.of("console", Map.of("type", "console")),
              binder,
              errors,
              ConfigErrors.key(path, RECEIVERS)));
    }
    if (file == null) {
      return null;
    }
    checkRouteReceivers(file.route(), receivers, errors, ConfigErrors.key(path, "route"));
    return new AlertsConfig(
        file.enabled(),
        file.rulesDir(),
        file.defaultRules(),
        file.lifecycle(),
        file.route(),
        file.store(),
        file.receive(),
        receivers);
  }

  private static void checkRouteReceivers(
      RouteSettings route, List<ReceiverSpec> receivers, ConfigErrors errors, String path) {
    if (route == null) {
      return;
    }
    List<String> known = receivers.stream().map(ReceiverSpec::name).toList();
    String expected =
        "the name of a receiver under alerts.receivers (" + String.join(", ", known) + ")";
    for (int i = 0; i < route.receivers().size(); i++) {
      String name = route.receivers().get(i);
      if (!known.contains(name)) {
        errors.add(ConfigErrors.index(ConfigErrors.key(path, RECEIVERS), i), expected, name);
      }
    }
    String escalation = route.escalation().receiver();
    if (!escalation.isEmpty() && !known.contains(escalation)) {
      errors.add(path + ".escalation.receiver", expected, escalation);
    }
  }
}
