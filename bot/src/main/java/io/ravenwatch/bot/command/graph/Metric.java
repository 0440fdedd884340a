package io.ravenwatch.bot.command.graph;

import java.util.List;
import java.util.Set;

/**
 * One graphable metric: which probe types write it, and the InfluxQL that reads it. Each select is
 * an aggregate over the time bucket with an alias ({@code mean("load1") AS "load1"}); with a {@code
 * groupBy} tag there is one series per tag value (a disk's path, a sensor's name).
 *
 * @param name what the user types: {@code cpu}, {@code disk}…
 * @param title the chart's subject, e.g. "Disk used"
 * @param unit the y axis label
 * @param probeTypes the probe types that write it; a target needs one of them
 * @param measurement the InfluxDB measurement (Telegraf's schema)
 * @param selects the select expressions, each ending with {@code AS "alias"}
 * @param groupBy the tag whose values are separate series, or empty
 * @param where an extra condition, or empty
 */
record Metric(
    String name,
    String title,
    String unit,
    Set<String> probeTypes,
    String measurement,
    List<String> selects,
    String groupBy,
    String where) {

  Metric {
    probeTypes = Set.copyOf(probeTypes);
    selects = List.copyOf(selects);
  }
}
