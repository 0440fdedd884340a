package io.ravenwatch.probes.snmp;

import io.ravenwatch.probes.api.SnmpCredentials;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.snmp4j.CommunityTarget;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;

/**
 * SNMP4J targets for endpoints, built once per endpoint, and the v3 users they need registered in
 * the session's USM.
 */
final class SnmpTargets {
  private final USM usm;
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

  private final Map<String, UsmKeys> users = new ConcurrentHashMap<>();
  // Built targets per endpoint, so a poll allocates no Target and resolves nothing; only for IP
  // literals, so DNS names still follow DNS changes (the JVM caches lookups for 30 s anyway).
  private final Map<SnmpEndpoint, Target<UdpAddress>> targets = new ConcurrentHashMap<>();

  /** The keys a v3 user name is registered with in this session's USM. */
  private record UsmKeys(
      SnmpCredentials.AuthProtocol auth,
      String authPassword,
      SnmpCredentials.PrivProtocol priv,
      String privPassword) {
    static UsmKeys of(SnmpCredentials c) {
      return new UsmKeys(
          c.authProtocol(),
          c.authPassword() == null ? null : c.authPassword().reveal(),
          c.privProtocol(),
          c.privPassword() == null ? null : c.privPassword().reveal());
    }
  }

  SnmpTargets(USM usm) {
    this.usm = usm;
  }

  Target<UdpAddress> target(SnmpEndpoint endpoint) throws SnmpFailure {
    Target<UdpAddress> cached = targets.get(endpoint);
    if (cached != null) {
      return cached;
    }
    Target<UdpAddress> built = build(endpoint);
    if (IP_LITERAL.matcher(endpoint.host()).matches()) {
      targets.put(endpoint, built);
    }
    return built;
  }

  private Target<UdpAddress> build(SnmpEndpoint endpoint) throws SnmpFailure {
    SnmpCredentials c = endpoint.credentials();
    InetAddress ip;
    try {
      ip = InetAddress.getByName(endpoint.host());
    } catch (UnknownHostException e) {
      throw new SnmpFailure(SnmpFailure.Kind.BAD_TARGET, "unknown host " + endpoint.host());
    }
    var address = new UdpAddress(ip, c.port());
    Target<UdpAddress> target;
    if (c.version() == SnmpCredentials.Version.V3) {
      if (c.user() == null || c.user().isEmpty()) {
        throw new SnmpFailure(SnmpFailure.Kind.BAD_TARGET, "SNMPv3 credentials without a user");
      }
      registerUser(c);
      var user = new UserTarget<UdpAddress>();
      user.setSecurityName(new OctetString(c.user()));
      user.setSecurityLevel(securityLevel(c));
      target = user;
    } else {
      if (c.community() == null) {
        throw new SnmpFailure(
            SnmpFailure.Kind.BAD_TARGET, "SNMP v1/v2c credentials without a community");
      }
      var community = new CommunityTarget<UdpAddress>();
      community.setCommunity(new OctetString(c.community().reveal()));
      target = community;
    }
    target.setAddress(address);
    target.setVersion(
        switch (c.version()) {
          case V1 -> SnmpConstants.version1;
          case V2C -> SnmpConstants.version2c;
          case V3 -> SnmpConstants.version3;
        });
    target.setTimeout(Math.max(1, endpoint.timeout().toMillis()));
    target.setRetries(endpoint.retries());
    return target;
  }

  private static int securityLevel(SnmpCredentials c) {
    if (c.authProtocol() == null) {
      return SecurityLevel.NOAUTH_NOPRIV;
    }
    return c.privProtocol() == null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.AUTH_PRIV;
  }

  private void registerUser(SnmpCredentials c) throws SnmpFailure {
    // USM holds one set of keys per user name (localised per agent engine id), so one session
    // cannot talk to agents as the same user with different passwords: refuse clearly instead of
    // silently using whichever credentials registered first.
    UsmKeys keys = UsmKeys.of(c);
    UsmKeys existing = users.putIfAbsent(c.user(), keys);
    if (existing == null) {
      OID auth = c.authProtocol() == null ? null : authOid(c.authProtocol());
      OID priv = c.privProtocol() == null ? null : privOid(c.privProtocol());
      usm.addUser(
          new OctetString(c.user()),
          new UsmUser(
              new OctetString(c.user()),
              auth,
              auth == null ? null : new OctetString(c.authPassword().reveal()),
              priv,
              priv == null ? null : new OctetString(c.privPassword().reveal())));
    } else if (!existing.equals(keys)) {
      throw new SnmpFailure(
          SnmpFailure.Kind.BAD_TARGET,
          "SNMPv3 user '"
              + c.user()
              + "' is configured with different protocols or passwords in two credentials;"
              + " one user name must have one set of keys");
    }
  }

  private static OID authOid(SnmpCredentials.AuthProtocol p) {
    return switch (p) {
      case MD5 -> AuthMD5.ID;
      case SHA -> AuthSHA.ID;
      case SHA_224 -> AuthHMAC128SHA224.ID;
      case SHA_256 -> AuthHMAC192SHA256.ID;
      case SHA_384 -> AuthHMAC256SHA384.ID;
      case SHA_512 -> AuthHMAC384SHA512.ID;
    };
  }

  private static OID privOid(SnmpCredentials.PrivProtocol p) {
    return switch (p) {
      case DES -> PrivDES.ID;
      case AES -> PrivAES128.ID;
      case AES_192 -> PrivAES192.ID;
      case AES_256 -> PrivAES256.ID;
    };
  }
}
