package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import java.time.Duration;

/**
 * Timing set at one level (a group of {@code groups:}, or a probe); what is absent comes from the
 * level below: probe, then target, then group, then {@code defaults:}.
 *
 * @param interval how often each probe runs; absent: from the level below
 * @param timeout how long one attempt may take; absent: from the level below
 * @param retries further attempts after a failed one; absent: from the level below
 */
record TimingOverrides(
    @OptionalKey Duration interval, @OptionalKey Duration timeout, @OptionalKey Integer retries)
    implements Validatable {

  static final TimingOverrides NONE = new TimingOverrides(null, null, null);

  @Override
  public void validate(ConfigProblems problems) {
    check(problems, interval, timeout, retries);
  }

  /** The rules for timing values wherever they are written; {@code null} means not set here. */
  static void check(ConfigProblems problems, Duration interval, Duration timeout, Integer retries) {
    if (interval != null && interval.compareTo(Duration.ofSeconds(1)) < 0) {
      problems.report("interval", "an interval of at least 1s", interval);
    }
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      problems.report("timeout", "a timeout longer than 0s", timeout);
    }
    if (retries != null && retries < 0) {
      problems.report("retries", "a number of retries of 0 or more", retries);
    }
  }
}
