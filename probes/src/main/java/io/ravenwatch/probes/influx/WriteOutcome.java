package io.ravenwatch.probes.influx;

/** What became of one write request to InfluxDB. */
sealed interface WriteOutcome {

  /** InfluxDB stored every point. */
  record Written(int points) implements WriteOutcome {}

  /**
   * InfluxDB refused some points as malformed (HTTP 400, e.g. a field type conflict) and stored the
   * rest: retrying would be refused again, so the batch is done.
   *
   * @param points how many points InfluxDB dropped (its {@code dropped=N}, else an estimate)
   * @param reason InfluxDB's own message
   */
  record Rejected(int points, String reason) implements WriteOutcome {}

  /**
   * InfluxDB could not be reached or failed (connection refused, timeout, 5xx, auth, missing
   * database): the points must be kept and written again later.
   */
  record Unavailable(String reason) implements WriteOutcome {}
}
