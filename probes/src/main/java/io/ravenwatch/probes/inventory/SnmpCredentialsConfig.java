package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.SnmpCredentials.AuthProtocol;
import io.ravenwatch.probes.api.SnmpCredentials.PrivProtocol;
import io.ravenwatch.probes.api.SnmpCredentials.Version;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.Found;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.probes.config.Validatable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code snmp_credentials:}, as written; {@link #toCredentials} gives the resolved
 * {@link SnmpCredentials}. v1/v2c take a community; v3 takes a user, optionally authentication
 * (protocol + passphrase) and, with authentication, privacy (protocol + passphrase).
 *
 * @param version the SNMP version
 * @param port the agent's UDP port
 * @param community v1/v2c community string, as {@code ${ENV}}
 * @param user v3 user name
 * @param authProtocol v3 authentication protocol (SHA-2 preferred)
 * @param authPassword v3 authentication passphrase (8 characters or more), as {@code ${ENV}}
 * @param privProtocol v3 privacy protocol; needs authentication
 * @param privPassword v3 privacy passphrase (8 characters or more), as {@code ${ENV}}
 */
record SnmpCredentialsConfig(
    Version version,
    @Default("161") int port,
    @OptionalKey Secret community,
    @OptionalKey String user,
    @OptionalKey AuthProtocol authProtocol,
    @OptionalKey Secret authPassword,
    @OptionalKey PrivProtocol privProtocol,
    @OptionalKey Secret privPassword)
    implements Validatable {

  /** RFC 3414, section 11.2: USM passphrases are at least 8 characters. */
  private static final int MIN_PASSPHRASE = 8;

  @Override
  public void validate(ConfigProblems problems) {
    if (port < 1 || port > 65535) {
      problems.report("port", "a UDP port from 1 to 65535", port);
    }
    if (version == Version.V3) {
      validateV3(problems);
    } else {
      String v = Found.render(version);
      if (community == null) {
        problems.report("community", "a community as ${ENV} (required for SNMP " + v + ")", null);
      }
      onlyV3(problems, "user", user, v);
      onlyV3(problems, "auth_protocol", authProtocol, v);
      onlyV3(problems, "auth_password", authPassword, v);
      onlyV3(problems, "priv_protocol", privProtocol, v);
      onlyV3(problems, "priv_password", privPassword, v);
    }
  }

  private void validateV3(ConfigProblems problems) {
    if (community != null) {
      problems.report("community", "no community (SNMP v1 and v2c only; this is V3)", community);
    }
    if (user == null || user.isBlank()) {
      problems.report("user", "a user name (required for SNMP V3)", user);
    }
    pair(problems, "auth_protocol", authProtocol, "auth_password", authPassword);
    pair(problems, "priv_protocol", privProtocol, "priv_password", privPassword);
    boolean privacy = privProtocol != null || privPassword != null;
    boolean auth = authProtocol != null || authPassword != null;
    if (privacy && !auth) {
      problems.report(
          privProtocol != null ? "priv_protocol" : "priv_password",
          "auth_protocol and auth_password too (privacy needs authentication)",
          privProtocol != null ? privProtocol : privPassword);
    }
    passphrase(problems, "auth_password", authPassword);
    passphrase(problems, "priv_password", privPassword);
  }

  private static void onlyV3(ConfigProblems problems, String key, Object value, String version) {
    if (value != null) {
      problems.report(key, "nothing (" + key + " is for SNMP V3; this is " + version + ")", value);
    }
  }

  private static void pair(
      ConfigProblems problems, String protocolKey, Object protocol, String passKey, Object pass) {
    if (protocol != null && pass == null) {
      problems.report(passKey, "a passphrase as ${ENV} (required with " + protocolKey + ")", null);
    }
    if (protocol == null && pass != null) {
      problems.report(protocolKey, "a protocol (required with " + passKey + ")", null);
    }
  }

  private static void passphrase(ConfigProblems problems, String key, Secret secret) {
    if (secret != null && secret.reveal().length() < MIN_PASSPHRASE) {
      problems.report(
          key,
          "a passphrase of at least " + MIN_PASSPHRASE + " characters (RFC 3414)",
          Found.described("a secret of " + secret.reveal().length() + " characters"));
    }
  }

  SnmpCredentials toCredentials(String name) {
    return new SnmpCredentials(
        name,
        version,
        port,
        community,
        user,
        authProtocol,
        authPassword,
        privProtocol,
        privPassword);
  }

  /**
   * One SNMP session holds one USM key set per user name, so two v3 credentials with the same user
   * must agree on protocols and passphrases.
   */
  static void checkSharedUsers(Map<String, SnmpCredentialsConfig> all, ConfigErrors errors) {
    var firstByUser = new HashMap<String, String>();
    all.forEach(
        (name, c) -> {
          if (c == null || c.version != Version.V3 || c.user == null) {
            return;
          }
          String other = firstByUser.putIfAbsent(c.user, name);
          if (other != null && !c.sameKeys(all.get(other))) {
            errors.add(
                "snmp_credentials." + name + ".user",
                "a user name not used by another credential with other protocols or passphrases"
                    + " (snmp_credentials."
                    + other
                    + " has this user; one SNMP session holds one key set per user)",
                c.user);
          }
        });
  }

  private boolean sameKeys(SnmpCredentialsConfig o) {
    return authProtocol == o.authProtocol
        && privProtocol == o.privProtocol
        && Objects.equals(value(authPassword), value(o.authPassword))
        && Objects.equals(value(privPassword), value(o.privPassword));
  }

  private static String value(Secret s) {
    return s == null ? null : s.reveal();
  }
}
