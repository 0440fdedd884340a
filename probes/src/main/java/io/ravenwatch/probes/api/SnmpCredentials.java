package io.ravenwatch.probes.api;

import io.ravenwatch.probes.config.Secret;
import java.util.Objects;

/**
 * How to authenticate to an SNMP agent: v1/v2c with a community, or v3 USM.
 *
 * @param name the credential's name in the configuration (targets refer to it by name)
 * @param version SNMP version
 * @param port UDP port of the agent (161 by default)
 * @param community community string for v1 and v2c
 * @param user v3 security name
 * @param authProtocol v3 authentication protocol, or {@code null} for noAuthNoPriv
 * @param authPassword v3 authentication passphrase
 * @param privProtocol v3 privacy protocol, or {@code null} for authNoPriv
 * @param privPassword v3 privacy passphrase
 */
public record SnmpCredentials(
    String name,
    Version version,
    int port,
    Secret community,
    String user,
    AuthProtocol authProtocol,
    Secret authPassword,
    PrivProtocol privProtocol,
    Secret privPassword) {

  /** The SNMP protocol version. */
  public enum Version {
    V1,
    V2C,
    V3
  }

  /** v3 authentication protocols (SHA-1 and the SHA-2 family). */
  public enum AuthProtocol {
    MD5,
    SHA,
    SHA_224,
    SHA_256,
    SHA_384,
    SHA_512
  }

  /** v3 privacy protocols. */
  public enum PrivProtocol {
    DES,
    AES,
    AES_192,
    AES_256
  }

  public SnmpCredentials {
    Objects.requireNonNull(name);
    Objects.requireNonNull(version);
  }

  /** v2c credentials with a community, for tests and the benchmark. */
  public static SnmpCredentials v2c(String name, int port, String community) {
    return new SnmpCredentials(
        name, Version.V2C, port, Secret.literal(community), null, null, null, null, null);
  }
}
