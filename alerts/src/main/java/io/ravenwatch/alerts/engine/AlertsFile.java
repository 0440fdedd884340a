package io.ravenwatch.alerts.engine;

import io.ravenwatch.alerts.lifecycle.LifecycleSettings;
import io.ravenwatch.alerts.receive.ReceiverSettings;
import io.ravenwatch.alerts.route.RouteSettings;
import io.ravenwatch.alerts.store.StoreSettings;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import java.nio.file.Path;

/**
 * The {@code alerts:} keys bound as a plain record; {@code receivers:} is bound by type.
 *
 * @param enabled whether the alert engine runs at all
 * @param rulesDir the directory of rule files; absent: {@code rules/} beside the configuration file
 *     when it exists
 * @param defaultRules whether the shipped rules are loaded (each can be switched off by name)
 * @param lifecycle staleness and flapping
 * @param route grouping, timing, receivers, escalation
 * @param store where alert state, silences, windows, acks, the outbox and the audit live
 * @param receive the HTTP receiver of Alertmanager's and Grafana's webhooks; absent: off
 */
record AlertsFile(
    @Default("true") boolean enabled,
    @OptionalKey Path rulesDir,
    @Default("true") boolean defaultRules,
    @Default("{}") LifecycleSettings lifecycle,
    @Default("{}") RouteSettings route,
    @Default("{}") StoreSettings store,
    @OptionalKey ReceiverSettings receive) {}
