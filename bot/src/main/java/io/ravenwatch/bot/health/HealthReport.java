package io.ravenwatch.bot.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ravenwatch.bot.health.CheckResult.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a list of checks, as served:
 *
 * <pre>{@code
 * {"status": "degraded",
 *  "checks": [{"name": "scheduler", "status": "up", "detail": "polling"},
 *             {"name": "influxdb", "status": "degraded", "detail": "unreachable at …; spooling …"}]}
 * }</pre>
 *
 * @param checks each check's name and result, in the list's order
 */
public record HealthReport(List<Entry> checks) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One check's result. */
  public record Entry(String name, CheckResult result) {}

  public HealthReport {
    checks = List.copyOf(checks);
  }

  /** No check is down: HTTP 200. Degraded checks still pass. */
  public boolean ok() {
    return checks.stream().noneMatch(e -> e.result().status() == Status.DOWN);
  }

  /** {@code up}, {@code degraded} or {@code down}: the worst of the checks. */
  public String status() {
    if (!ok()) {
      return "down";
    }
    boolean degraded = checks.stream().anyMatch(e -> e.result().status() == Status.DEGRADED);
    return degraded ? "degraded" : "up";
  }

  /** The result of the named check, if it is in this report. */
  public Optional<CheckResult> result(String name) {
    return checks.stream().filter(e -> e.name().equals(name)).map(Entry::result).findFirst();
  }

  /** The JSON body. */
  public String toJson() {
    var body = new LinkedHashMap<String, Object>();
    body.put("status", status());
    var list = new ArrayList<Map<String, String>>();
    for (Entry e : checks) {
      var check = new LinkedHashMap<String, String>();
      check.put("name", e.name());
      check.put("status", e.result().status().name().toLowerCase(Locale.ROOT));
      check.put("detail", e.result().detail());
      list.add(check);
    }
    body.put("checks", list);
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a health report", e);
    }
  }
}
