package io.ravenwatch.bot.command.status;

import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.bot.command.Format;

/** A target's state at a glance, worst first (the declaration order is the sort order). */
enum Health {
  CRITICAL("🔴", "critical", Format.RED),
  WARNING("🟠", "warning", Format.ORANGE),
  /** A probe failed but no alert fires (yet): a rule's {@code for} is running, or none applies. */
  FAILING("🟡", "failing", 0xF1C40F),
  INFO("🔵", "info", Format.BLUE),
  /** No probe result since start and no alert: nothing is known. */
  UNKNOWN("⚪", "unknown", Format.GREY),
  OK("🟢", "ok", Format.GREEN);

  final String icon;
  final String label;
  final int color;

  Health(String icon, String label, int color) {
    this.icon = icon;
    this.label = label;
    this.color = color;
  }

  static Health of(Severity s) {
    return switch (s) {
      case CRITICAL -> CRITICAL;
      case WARNING -> WARNING;
      case INFO -> INFO;
    };
  }
}
