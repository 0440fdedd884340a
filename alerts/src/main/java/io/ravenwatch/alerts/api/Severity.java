package io.ravenwatch.alerts.api;

/** How urgent an alert is, from least to most; compare with {@link #compareTo}. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  /** Whether this severity is more urgent than {@code other}. */
  public boolean above(Severity other) {
    return compareTo(other) > 0;
  }
}
