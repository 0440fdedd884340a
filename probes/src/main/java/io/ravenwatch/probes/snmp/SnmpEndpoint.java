package io.ravenwatch.probes.snmp;

import io.ravenwatch.probes.api.SnmpCredentials;
import java.time.Duration;
import java.util.Objects;

/**
 * One SNMP agent to ask: its address, credentials, and the timeout and retries of each request.
 *
 * @param host IP address or DNS name
 * @param credentials version, port and community or v3 user
 * @param timeout per attempt
 * @param retries attempts after the first
 */
public record SnmpEndpoint(
    String host, SnmpCredentials credentials, Duration timeout, int retries) {
  public SnmpEndpoint {
    Objects.requireNonNull(host);
    Objects.requireNonNull(credentials);
    Objects.requireNonNull(timeout);
  }
}
