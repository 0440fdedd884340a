package io.ravenwatch.probes.snmp;

import io.ravenwatch.probes.api.SnmpCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
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
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.TableEvent;
import org.snmp4j.util.TableListener;
import org.snmp4j.util.TableUtils;

/**
 * One asynchronous SNMP session shared by every target: thousands of requests can be in flight at
 * once, matched by request id, on a single UDP socket with large buffers. GET and GETBULK table
 * walks return futures; a failure completes the future with an {@link SnmpFailure}.
 */
public final class SnmpClient implements AutoCloseable {
  private static final int SOCKET_BUFFER = 4 << 20;
  private static final int MAX_REPETITIONS = 25;
  private static final Map<OID, String> USM_REPORTS =
      Map.of(
          SnmpConstants.usmStatsWrongDigests,
              "wrong authentication password (usmStatsWrongDigests)",
          SnmpConstants.usmStatsUnknownUserNames, "unknown user (usmStatsUnknownUserNames)",
          SnmpConstants.usmStatsUnsupportedSecLevels,
              "security level not supported for this user (usmStatsUnsupportedSecLevels)",
          SnmpConstants.usmStatsDecryptionErrors,
              "wrong privacy password (usmStatsDecryptionErrors)",
          SnmpConstants.usmStatsUnknownEngineIDs, "unknown engine id (usmStatsUnknownEngineIDs)",
          SnmpConstants.usmStatsNotInTimeWindows, "not in time window (usmStatsNotInTimeWindows)");

  private final Snmp snmp;
  private final USM usm;
  private final TableUtils tables;
  private final Set<String> users = ConcurrentHashMap.newKeySet();

  private SnmpClient(Snmp snmp, USM usm) {
    this.snmp = snmp;
    this.usm = usm;
    this.tables = new TableUtils(snmp, new DefaultPDUFactory(PDU.GETBULK));
    tables.setMaxNumRowsPerPDU(MAX_REPETITIONS);
  }

  /** Opens the session: one UDP socket on an ephemeral port. */
  public static SnmpClient open() {
    try {
      SecurityProtocols protocols = SecurityProtocols.getInstance();
      protocols.addDefaultProtocols();
      // SNMP4J 3.x leaves SHA-1 and MD5 out of its defaults; agents still offer them.
      protocols.addAuthenticationProtocol(new AuthSHA());
      protocols.addAuthenticationProtocol(new AuthMD5());
      protocols.addPrivacyProtocol(new PrivDES());
      USM usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
      var dispatcher = new MessageDispatcherImpl();
      dispatcher.addMessageProcessingModel(new MPv1());
      dispatcher.addMessageProcessingModel(new MPv2c());
      dispatcher.addMessageProcessingModel(new MPv3(usm));
      var transport = new DefaultUdpTransportMapping();
      transport.setReceiveBufferSize(SOCKET_BUFFER);
      transport.setSocketTimeout(0);
      Snmp snmp = new Snmp(dispatcher, transport);
      snmp.listen();
      return new SnmpClient(snmp, usm);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the SNMP socket", e);
    }
  }

  /** GETs the given scalars; missing ones (noSuchObject/noSuchInstance) are absent from the map. */
  public CompletableFuture<Map<OID, Variable>> get(SnmpEndpoint endpoint, List<OID> oids) {
    var future = new CompletableFuture<Map<OID, Variable>>();
    Target<?> target;
    try {
      target = target(endpoint);
    } catch (SnmpFailure f) {
      return CompletableFuture.failedFuture(f);
    }
    PDU pdu =
        endpoint.credentials().version() == SnmpCredentials.Version.V3
            ? new ScopedPDU()
            : new PDU();
    pdu.setType(PDU.GET);
    oids.forEach(o -> pdu.add(new VariableBinding(o)));
    ResponseListener listener =
        new ResponseListener() {
          @Override
          public <A extends Address> void onResponse(ResponseEvent<A> event) {
            // SNMP4J keeps a listener registered until it is cancelled explicitly.
            ((Snmp) event.getSource()).cancel(event.getRequest(), this);
            complete(endpoint, event, future);
          }
        };
    try {
      snmp.send(pdu, target, null, listener);
    } catch (IOException e) {
      future.completeExceptionally(
          new SnmpFailure(SnmpFailure.Kind.BAD_TARGET, "cannot send: " + e.getMessage()));
    }
    return future;
  }

  /** Walks the given columns of one table with GETBULK; rows are joined on their index. */
  public CompletableFuture<SnmpTable> walk(SnmpEndpoint endpoint, List<OID> columns) {
    var future = new CompletableFuture<SnmpTable>();
    Target<?> target;
    try {
      target = target(endpoint);
    } catch (SnmpFailure f) {
      return CompletableFuture.failedFuture(f);
    }
    OID[] cols = columns.toArray(OID[]::new);
    var rows = new ArrayList<SnmpTable.Row>();
    TableListener listener =
        new TableListener() {
          private volatile boolean finished;

          @Override
          public boolean next(TableEvent event) {
            rows.add(toRow(event, cols.length));
            return true;
          }

          @Override
          public void finished(TableEvent event) {
            finished = true;
            if (event.isError()) {
              future.completeExceptionally(failure(endpoint, event));
            } else {
              if (event.getColumns() != null) {
                rows.add(toRow(event, cols.length));
              }
              future.complete(new SnmpTable(rows));
            }
          }

          @Override
          public boolean isFinished() {
            return finished;
          }
        };
    tables.getTable(target, cols, listener, null, null, null);
    return future;
  }

  private static SnmpTable.Row toRow(TableEvent event, int width) {
    VariableBinding[] vbs = event.getColumns();
    var values = new ArrayList<Variable>(width);
    for (int i = 0; i < width; i++) {
      VariableBinding vb = vbs != null && i < vbs.length ? vbs[i] : null;
      values.add(vb == null || vb.getVariable().isException() ? null : vb.getVariable());
    }
    return new SnmpTable.Row(event.getIndex(), values);
  }

  private static void complete(
      SnmpEndpoint endpoint, ResponseEvent<?> event, CompletableFuture<Map<OID, Variable>> future) {
    PDU response = event.getResponse();
    if (event.getError() != null) {
      future.completeExceptionally(
          new SnmpFailure(SnmpFailure.Kind.AGENT_ERROR, event.getError().getMessage()));
    } else if (response == null) {
      future.completeExceptionally(timeout(endpoint));
    } else if (response.getType() == PDU.REPORT) {
      future.completeExceptionally(report(response));
    } else if (response.getErrorStatus() != PDU.noError) {
      future.completeExceptionally(
          new SnmpFailure(
              SnmpFailure.Kind.AGENT_ERROR, "agent error: " + response.getErrorStatusText()));
    } else {
      var values = new LinkedHashMap<OID, Variable>();
      for (VariableBinding vb : response.getVariableBindings()) {
        if (!vb.getVariable().isException()) {
          values.put(vb.getOid(), vb.getVariable());
        }
      }
      future.complete(values);
    }
  }

  private static SnmpFailure failure(SnmpEndpoint endpoint, TableEvent event) {
    return switch (event.getStatus()) {
      case TableEvent.STATUS_TIMEOUT -> timeout(endpoint);
      case TableEvent.STATUS_REPORT -> report(event.getReportPDU());
      default -> new SnmpFailure(SnmpFailure.Kind.AGENT_ERROR, event.getErrorMessage());
    };
  }

  private static SnmpFailure timeout(SnmpEndpoint endpoint) {
    return new SnmpFailure(
        SnmpFailure.Kind.TIMEOUT,
        "no answer from "
            + endpoint.host()
            + ":"
            + endpoint.credentials().port()
            + " after "
            + (endpoint.retries() + 1)
            + " attempts of "
            + endpoint.timeout().toMillis()
            + " ms");
  }

  private static SnmpFailure report(PDU report) {
    if (report != null && report.size() > 0) {
      OID oid = report.get(0).getOid();
      for (Map.Entry<OID, String> e : USM_REPORTS.entrySet()) {
        if (oid.startsWith(e.getKey())) {
          return new SnmpFailure(SnmpFailure.Kind.AUTH, e.getValue());
        }
      }
      return new SnmpFailure(SnmpFailure.Kind.AUTH, "agent sent report " + oid);
    }
    return new SnmpFailure(SnmpFailure.Kind.AUTH, "agent sent an empty report");
  }

  private Target<?> target(SnmpEndpoint endpoint) throws SnmpFailure {
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
      registerUser(c);
      var user = new UserTarget<UdpAddress>();
      user.setSecurityName(new OctetString(c.user()));
      user.setSecurityLevel(securityLevel(c));
      target = user;
    } else {
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
    target.setTimeout(endpoint.timeout().toMillis());
    target.setRetries(endpoint.retries());
    return target;
  }

  private static int securityLevel(SnmpCredentials c) {
    if (c.authProtocol() == null) {
      return SecurityLevel.NOAUTH_NOPRIV;
    }
    return c.privProtocol() == null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.AUTH_PRIV;
  }

  private void registerUser(SnmpCredentials c) {
    // USM keeps one entry per user name until it is localised per engine id; credentials with the
    // same user name must therefore carry the same passwords (checked when config is validated).
    if (users.add(c.name())) {
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

  /** Columns as OIDs, for callers that write them as strings. */
  public static List<OID> oids(String... oids) {
    return Arrays.stream(oids).map(OID::new).toList();
  }

  @Override
  public void close() {
    try {
      snmp.close();
    } catch (IOException e) {
      // closing a UDP socket; nothing left to do
    }
  }
}
