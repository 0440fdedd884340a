package io.ravenwatch.bot.discord.alert;

import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.rule.RuleEvaluator;
import io.ravenwatch.bot.chat.ButtonIds;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;

/**
 * The buttons of an incident message, routed to the commands' {@code onButton}: Acknowledge ({@code
 * cmd:ack:<fingerprint or group key>}), Silence 1 h / 4 h / until resolved ({@code
 * cmd:silence:<fingerprint>:1h|4h|resolved}, the worst alert), Graph ({@code
 * cmd:graph:<target>:<metric>}, when the rule's measurement has a graph) and a link to the runbook.
 */
final class AlertButtons {
  /** The {@code /graph} metric of each measurement (or probe type) rules read. */
  private static final Map<String, String> METRICS =
      Map.ofEntries(
          Map.entry("ping", "ping"),
          Map.entry("disk", "disk"),
          Map.entry("snmp_disk", "disk"),
          Map.entry("http_response", "http"),
          Map.entry("net_response", "tcp"),
          Map.entry("ipmi_sensor", "ipmi"),
          Map.entry("snmp", "load"),
          Map.entry("system", "load"),
          Map.entry("cpu", "cpu"),
          Map.entry("mem", "memory"),
          Map.entry("net", "traffic"),
          Map.entry("x509_cert", "cert"));

  private AlertButtons() {}

  static List<ActionRow> of(Notification n, AlertSummary worst, int activeCount) {
    // One alert: ack exactly it; several: the group key acks them all.
    String ackTarget = activeCount == 1 ? worst.fingerprint() : n.groupKey();
    var first = new ArrayList<Button>();
    add(first, Button::primary, id("ack", ackTarget), "Acknowledge");
    for (String how : List.of("1h", "4h", "resolved")) {
      String label = how.equals("resolved") ? "Silence until resolved" : "Silence " + how;
      add(first, Button::secondary, id("silence", worst.fingerprint() + ":" + how), label);
    }
    var second = new ArrayList<Button>();
    if (!worst.target().isEmpty()) {
      graphMetric(worst)
          .ifPresent(
              m -> add(second, Button::secondary, id("graph", worst.target() + ":" + m), "Graph"));
    }
    String runbook = worst.annotations().get("runbook");
    if (isLink(runbook)) {
      second.add(Button.link(runbook.strip(), "Runbook"));
    }
    var rows = new ArrayList<ActionRow>();
    if (!first.isEmpty()) {
      rows.add(ActionRow.of(first));
    }
    if (!second.isEmpty()) {
      rows.add(ActionRow.of(second));
    }
    return rows;
  }

  /** The graph metric for the alert's measurement, if {@code /graph} has one. */
  static java.util.Optional<String> graphMetric(AlertSummary a) {
    String measurement = a.annotations().get(RuleEvaluator.MEASUREMENT);
    if (measurement == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable(METRICS.get(measurement.toLowerCase(Locale.ROOT)));
  }

  /** A custom id, or null when it would pass Discord's 100 characters (the button is left out). */
  private static String id(String command, String payload) {
    try {
      return ButtonIds.command(command, payload);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void add(
      List<Button> row, BiFunction<String, String, Button> style, String id, String label) {
    if (id != null) {
      row.add(style.apply(id, label));
    }
  }

  private static boolean isLink(String url) {
    if (url == null || url.isBlank() || url.strip().length() > 512) {
      return false;
    }
    try {
      URI uri = URI.create(url.strip());
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
