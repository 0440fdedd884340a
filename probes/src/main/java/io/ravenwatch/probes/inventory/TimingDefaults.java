package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.Timing;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.Validatable;
import java.time.Duration;

/**
 * The {@code defaults:} section: the timing of every probe unless its group, its target or the
 * probe itself says otherwise. Uptime Kuma and Telegraf poll every 60 s; 5 s is the usual SNMP and
 * TCP timeout.
 *
 * @param interval how often each probe runs
 * @param timeout how long one attempt may take
 * @param retries further attempts after a failed one, within the same run
 */
record TimingDefaults(
    @Default("60s") Duration interval, @Default("5s") Duration timeout, @Default("2") int retries)
    implements Validatable {

  static final TimingDefaults BUILT_IN =
      new TimingDefaults(Duration.ofSeconds(60), Duration.ofSeconds(5), 2);

  @Override
  public void validate(ConfigProblems problems) {
    TimingOverrides.check(problems, interval, timeout, retries);
  }

  Timing toTiming() {
    return new Timing(interval, timeout, retries);
  }
}
