package io.ravenwatch.probes.influx;

import io.ravenwatch.probes.config.DataSize;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Secret;
import java.time.Duration;

/**
 * The {@code influxdb:} section. Without a {@code url}, points go only to the on-disk spool (the
 * embedded default), to be replayed once an InfluxDB is configured.
 *
 * @param url the InfluxDB base URL, e.g. {@code http://127.0.0.1:8086}; absent: spool only
 * @param database the database (1.x) or the DBRP-mapped database name (2.x, 3.x)
 * @param retentionPolicy the retention policy; absent: the database's default
 * @param username 1.x user, as {@code ${ENV}}
 * @param password 1.x password, as {@code ${ENV}}
 * @param token 2.x/3.x API token, as {@code ${ENV}}; sent as {@code Authorization: Token …}
 * @param batchSize points per write
 * @param flushInterval the longest a point waits in memory before it is written
 * @param gzip compress write bodies
 * @param timeout per write request
 * @param spoolMaxSize the on-disk spool's bound; when full, the oldest points are dropped loudly
 */
public record InfluxSettings(
    @OptionalKey String url,
    @Default("ravenwatch") String database,
    @OptionalKey String retentionPolicy,
    @OptionalKey Secret username,
    @OptionalKey Secret password,
    @OptionalKey Secret token,
    @Default("5000") int batchSize,
    @Default("1s") Duration flushInterval,
    @Default("true") boolean gzip,
    @Default("10s") Duration timeout,
    @Default("512MiB") DataSize spoolMaxSize) {

  /** Whether an InfluxDB is configured at all. */
  public boolean enabled() {
    return url != null && !url.isBlank();
  }
}
