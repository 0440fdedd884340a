package io.ravenwatch.alerts.receive;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.ListenAddress;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.probes.config.Validatable;
import java.net.InetSocketAddress;

/**
 * Settings of the HTTP receiver of external alerts (Prometheus Alertmanager, Grafana).
 *
 * <pre>{@code
 * receive:
 *   listen: 0.0.0.0:9094          # default 127.0.0.1:9094; ":9094" listens on every address
 *   token: ${ALERTS_TOKEN}        # senders must send Authorization: Bearer <token>
 * }</pre>
 *
 * @param listen {@code host:port} to listen on ({@code [::1]:9094} for IPv6)
 * @param token when set, requests without {@code Authorization: Bearer <token>} get 401
 */
public record ReceiverSettings(@Default("127.0.0.1:9094") String listen, @OptionalKey Secret token)
    implements Validatable {

  @Override
  public void validate(ConfigProblems problems) {
    try {
      int port = address().getPort();
      if (port < 1) {
        problems.report("listen", "host:port with a port from 1 to 65535", listen);
      }
    } catch (IllegalArgumentException e) {
      problems.report("listen", "host:port like 127.0.0.1:9094 or 0.0.0.0:9094", listen);
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
