package io.ravenwatch.alerts.rule.sandbox;

import io.ravenwatch.probes.api.ProbeResult;
import java.util.Set;

/**
 * The pseudo-measurement {@code probe} of every probe result: {@code ok}, {@code status} ({@code
 * OK}, {@code FAILED}, {@code TIMED_OUT}), {@code type}, {@code name}, {@code reason}, {@code
 * elapsed_ms}. It exists even when a run wrote no point, so {@code probe.type == "ping" &&
 * !probe.ok} sees a timed-out ping.
 */
public final class ProbeView {
  /** The fields a condition may read. */
  public static final Set<String> FIELDS =
      Set.of("ok", "status", "type", "name", "reason", "elapsed_ms");

  private ProbeResult result;

  public void set(ProbeResult result) {
    this.result = result;
  }

  /** A field's value; called by JEXL for {@code probe.name}. */
  public Object get(String name) {
    return switch (name) {
      case "ok" -> result.ok();
      case "status" -> result.status().name();
      case "type" -> result.type();
      case "name" -> result.probe();
      case "reason" -> result.reason();
      case "elapsed_ms" -> result.elapsed().toMillis();
      default -> null;
    };
  }
}
