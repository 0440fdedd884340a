package io.ravenwatch.bot.action.failover;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.probes.config.Validatable;
import java.time.Duration;

/**
 * One node of a failover service and how to reach each part of it. Only the endpoints its steps
 * need must be given (checked at load time); secrets only as {@code ${ENV}}.
 *
 * <pre>{@code
 * redis-b:
 *   host: 10.0.0.12
 *   target: cache-b                 # its inventory target: preconditions read its probes
 *   redis: {port: 6379, password: ${REDIS_PASSWORD}}
 *   ipmi: {host: 10.0.1.12, user: admin, password: ${IPMI_PASSWORD}}
 *   docker: {engine: edge2}         # declared under container_engines.docker
 * }</pre>
 *
 * @param host the node's address
 * @param target the inventory host or service that is this node, if any
 * @param redis its Redis server
 * @param postgres its PostgreSQL server
 * @param ipmi its BMC
 * @param docker the declared Docker engine its containers run on
 */
public record NodeConfig(
    String host,
    @OptionalKey String target,
    @OptionalKey Redis redis,
    @OptionalKey Postgres postgres,
    @OptionalKey Ipmi ipmi,
    @OptionalKey Docker docker) {

  /**
   * A Redis server.
   *
   * @param port its port
   * @param user an ACL user (empty: the default user)
   * @param password the password, if it needs one
   */
  public record Redis(
      @Default("6379") int port, @OptionalKey String user, @OptionalKey Secret password)
      implements Validatable {
    @Override
    public void validate(ConfigProblems problems) {
      Ports.check(port, problems);
    }
  }

  /**
   * A PostgreSQL server.
   *
   * @param port its port
   * @param database the database to connect to
   * @param user the user (promotion needs a superuser or pg_promote granted)
   * @param password the password, if it needs one
   */
  public record Postgres(
      @Default("5432") int port,
      @Default("postgres") String database,
      String user,
      @OptionalKey Secret password)
      implements Validatable {
    @Override
    public void validate(ConfigProblems problems) {
      Ports.check(port, problems);
    }
  }

  /**
   * A BMC reached with {@code ipmitool -I lanplus}; the password goes through the environment
   * ({@code -E}), never the command line.
   *
   * @param host the BMC's address (not the node's)
   * @param port its UDP port
   * @param user the BMC user
   * @param password the BMC password
   * @param cipherSuite the RMCP+ cipher suite ({@code -C})
   * @param ipmitool the ipmitool binary
   * @param retries how often ipmitool retries a lost packet ({@code -R})
   * @param retryTimeout how long it waits for an answer ({@code -N})
   */
  public record Ipmi(
      String host,
      @Default("623") int port,
      String user,
      Secret password,
      @Default("3") int cipherSuite,
      @Default("ipmitool") String ipmitool,
      @Default("2") int retries,
      @Default("2s") Duration retryTimeout)
      implements Validatable {
    @Override
    public void validate(ConfigProblems problems) {
      Ports.check(port, problems);
      if (cipherSuite < 0 || cipherSuite > 17) {
        problems.report("cipher_suite", "an RMCP+ cipher suite from 0 to 17", cipherSuite);
      }
    }
  }

  /**
   * The Docker engine a node's containers run on, one declared under {@code
   * container_engines.docker} (its host, TLS files and timeout are set there, once for probes,
   * {@code /restart} and failover). Checked at load time.
   *
   * @param engine the engine's name under {@code container_engines.docker}
   */
  public record Docker(String engine) {}

  private static final class Ports {
    static void check(int port, ConfigProblems problems) {
      if (port < 1 || port > 65535) {
        problems.report("port", "a port from 1 to 65535", port);
      }
    }
  }
}
