package io.ravenwatch.bot.health;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.ConfigSection;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.ListenAddress;
import io.ravenwatch.probes.config.Validatable;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The {@code health:} section: Ravenwatch's own HTTP health endpoint, for Docker's {@code
 * HEALTHCHECK} and for orchestrators.
 *
 * <pre>{@code
 * health:
 *   enabled: true              # default true
 *   listen: 0.0.0.0:9188       # default 127.0.0.1:9188
 *   check_timeout: 2s          # a check without an answer by then is down. Default: 2s
 * }</pre>
 *
 * @param enabled whether the endpoint is served
 * @param listen {@code host:port} to listen on ({@code [::1]:9188} for IPv6, {@code :9188} for
 *     every address)
 * @param checkTimeout how long one check may take before it counts as down
 */
public record HealthSettings(
    @Default("true") boolean enabled,
    @Default("127.0.0.1:" + HealthSettings.DEFAULT_PORT) String listen,
    @Default("2s") Duration checkTimeout)
    implements Validatable {

  /**
   * The default port: next to the 9xxx ports of Prometheus' exporters, clear of InfluxDB's 8086 and
   * of postgres_exporter's 9187, which often runs on the same host.
   */
  public static final int DEFAULT_PORT = 9188;

  /** The section, registered in {@code Setup.sections()}. */
  public static final ConfigSection<HealthSettings> SECTION =
      new ConfigSection<>("health", HealthSettings.class);

  @Override
  public void validate(ConfigProblems problems) {
    try {
      address();
    } catch (IllegalArgumentException e) {
      problems.report("listen", "host:port like 127.0.0.1:9188 or 0.0.0.0:9188", listen);
    }
    if (checkTimeout.isNegative() || checkTimeout.isZero()) {
      problems.report("check_timeout", "a positive duration", checkTimeout);
    }
  }

  /**
   * The address to bind.
   *
   * @throws IllegalArgumentException when {@code listen} is not {@code host:port}
   */
  public InetSocketAddress address() {
    return ListenAddress.parse(listen);
  }
}
