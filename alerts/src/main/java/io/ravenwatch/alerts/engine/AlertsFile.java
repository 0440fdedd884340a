package io.ravenwatch.alerts.engine;

import io.ravenwatch.alerts.lifecycle.LifecycleSettings;
import io.ravenwatch.alerts.receive.ReceiverSettings;
import io.ravenwatch.alerts.route.RouteSettings;
import io.ravenwatch.alerts.store.StoreSettings;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import java.nio.file.Path;

/** The {@code alerts:} keys bound as a plain record; {@code receivers:} is bound by type. */
record AlertsFile(
    @Default("true") boolean enabled,
    @OptionalKey Path rulesDir,
    @Default("true") boolean defaultRules,
    @Default("{}") LifecycleSettings lifecycle,
    @Default("{}") RouteSettings route,
    @Default("{}") StoreSettings store,
    @OptionalKey ReceiverSettings receive) {}
