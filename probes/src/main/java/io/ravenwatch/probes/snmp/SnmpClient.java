package io.ravenwatch.probes.snmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.SNMP4JSettings;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
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

  /** GETBULK max-repetitions of a walk with no size hint; the most a hint may ask for. */
  public static final int MAX_REPETITIONS = 25;

  private static final int MAX_COLUMNS_PER_PDU = 64;

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
  private final MPv3 mpv3;
  // v3 endpoints that have answered a request at least once, to tell a wrong privacy password
  // (the agent answers engine discovery, then silently drops what it cannot decrypt) from an
  // agent that went away.
  private final Set<SnmpEndpoint> answered = ConcurrentHashMap.newKeySet();
  // One TableUtils per max-repetitions value (1..MAX_REPETITIONS): SNMP4J sets it per instance.
  private final TableUtils[] bulkTables = new TableUtils[MAX_REPETITIONS + 1];
  private final TableUtils v1Tables;
  private final SnmpTargets targets;

  private SnmpClient(Snmp snmp, USM usm, MPv3 mpv3) {
    this.snmp = snmp;
    this.mpv3 = mpv3;
    this.targets = new SnmpTargets(usm);
    for (int reps = 1; reps <= MAX_REPETITIONS; reps++) {
      var tables = new TableUtils(snmp, new DefaultPDUFactory(PDU.GETBULK));
      tables.setMaxNumRowsPerPDU(reps);
      // The default (10) would split a walk of ifTable + ifXTable columns into two requests.
      tables.setMaxNumColumnsPerPDU(MAX_COLUMNS_PER_PDU);
      bulkTables[reps] = tables;
    }
    // v1 has no GETBULK, and SNMP4J's v1 PDUs refuse GETBULK parameters: walk with GETNEXT.
    this.v1Tables = new TableUtils(snmp, new DefaultPDUFactory(PDU.GETNEXT));
    v1Tables.setMaxNumColumnsPerPDU(MAX_COLUMNS_PER_PDU);
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
      // A wrong v3 password makes net-snmp answer with an unauthenticated report
      // (usmStatsWrongDigests, usmStatsDecryptionErrors). RFC 3412's strict strategy drops those
      // reports, and the poll then looks like a dead agent after timeout × attempts. Accepting
      // them turns a typo in a password into an immediate, clear failure; a forged report could
      // only make one poll fail, which anyone on the path can do by dropping packets anyway.
      SNMP4JSettings.setReportSecurityLevelStrategy(
          SNMP4JSettings.ReportSecurityLevelStrategy.noAuthNoPrivIfNeeded);
      USM usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
      var dispatcher = new MessageDispatcherImpl();
      dispatcher.addMessageProcessingModel(new MPv1());
      dispatcher.addMessageProcessingModel(new MPv2c());
      var mpv3 = new MPv3(usm);
      dispatcher.addMessageProcessingModel(mpv3);
      var transport = new DefaultUdpTransportMapping();
      transport.setReceiveBufferSize(SOCKET_BUFFER);
      transport.setSocketTimeout(0);
      // Messages are decoded on the listen thread before the next receive, so its buffer can be
      // reused; otherwise SNMP4J allocates a fresh 64 kB buffer for every datagram received.
      transport.setAsyncMsgProcessingSupported(false);
      Snmp snmp = new Snmp(dispatcher, transport);
      snmp.listen();
      return new SnmpClient(snmp, usm, mpv3);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the SNMP socket", e);
    }
  }

  /**
   * GETs the given scalars in one request; missing ones (noSuchObject/noSuchInstance, or v1's
   * noSuchName) are absent from the map. Never throws: a failure completes the future with an
   * {@link SnmpFailure}.
   */
  public CompletableFuture<Map<OID, Variable>> get(SnmpEndpoint endpoint, List<OID> oids) {
    Target<UdpAddress> target;
    try {
      target = targets.target(endpoint);
    } catch (SnmpFailure f) {
      return CompletableFuture.failedFuture(f);
    }
    return get(endpoint, target, oids);
  }

  private CompletableFuture<Map<OID, Variable>> get(
      SnmpEndpoint endpoint, Target<UdpAddress> target, List<OID> oids) {
    var future = new CompletableFuture<Map<OID, Variable>>();
    PDU pdu = target.getVersion() == SnmpConstants.version3 ? new ScopedPDU() : new PDU();
    pdu.setType(PDU.GET);
    for (OID o : oids) {
      pdu.add(new VariableBinding(o));
    }
    ResponseListener listener =
        new ResponseListener() {
          @Override
          public <A extends Address> void onResponse(ResponseEvent<A> event) {
            // SNMP4J keeps a listener registered until it is cancelled explicitly.
            ((Snmp) event.getSource()).cancel(event.getRequest(), this);
            complete(endpoint, target, oids, event, future);
          }
        };
    try {
      snmp.send(pdu, target, null, listener);
    } catch (IOException | RuntimeException e) {
      future.completeExceptionally(
          new SnmpFailure(SnmpFailure.Kind.BAD_TARGET, "cannot send: " + e.getMessage()));
    }
    return future;
  }

  private void complete(
      SnmpEndpoint endpoint,
      Target<UdpAddress> target,
      List<OID> oids,
      ResponseEvent<?> event,
      CompletableFuture<Map<OID, Variable>> future) {
    PDU response = event.getResponse();
    if (event.getError() != null) {
      future.completeExceptionally(
          new SnmpFailure(SnmpFailure.Kind.AGENT_ERROR, String.valueOf(event.getError())));
    } else if (response == null) {
      future.completeExceptionally(timeout(endpoint, target));
    } else if (response.getType() == PDU.REPORT) {
      future.completeExceptionally(report(response));
    } else if (response.getErrorStatus() == PDU.noSuchName
        && target.getVersion() == SnmpConstants.version1) {
      // v1 has no per-variable exceptions: one missing OID fails the whole GET. Ask again
      // without it, so one request for all scalars still works against v1-only agents.
      int bad = response.getErrorIndex() - 1;
      if (bad < 0 || bad >= oids.size()) {
        future.completeExceptionally(
            new SnmpFailure(SnmpFailure.Kind.AGENT_ERROR, "agent error: noSuchName"));
      } else if (oids.size() == 1) {
        future.complete(Map.of());
      } else {
        var rest = new ArrayList<>(oids);
        rest.remove(bad);
        get(endpoint, target, rest)
            .whenComplete(
                (values, failure) -> {
                  if (failure != null) {
                    future.completeExceptionally(failure);
                  } else {
                    future.complete(values);
                  }
                });
      }
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
      if (target.getVersion() == SnmpConstants.version3) {
        answered.add(endpoint);
      }
      future.complete(values);
    }
  }

  /** Walks the given columns of one table with GETBULK; rows are joined on their index. */
  public CompletableFuture<SnmpTable> walk(SnmpEndpoint endpoint, List<OID> columns) {
    return walk(endpoint, columns, MAX_REPETITIONS);
  }

  /**
   * Walks with a hint of how many rows to expect, e.g. the row count of the previous poll plus one.
   * A GETBULK answers every column with max-repetitions values whatever the table's length, so a
   * small table walked with 25 repetitions is mostly overshoot that is encoded, sent and decoded
   * for nothing; with a good hint the walk is one request that ends just past the table. Longer
   * tables still come complete, in more pages.
   */
  public CompletableFuture<SnmpTable> walk(
      SnmpEndpoint endpoint, List<OID> columns, int expectedRows) {
    var future = new CompletableFuture<SnmpTable>();
    Target<UdpAddress> target;
    try {
      target = targets.target(endpoint);
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
              future.completeExceptionally(failure(endpoint, target, event));
            } else {
              if (event.getColumns() != null) {
                rows.add(toRow(event, cols.length));
              }
              if (target.getVersion() == SnmpConstants.version3) {
                answered.add(endpoint);
              }
              future.complete(new SnmpTable(rows));
            }
          }

          @Override
          public boolean isFinished() {
            return finished;
          }
        };
    try {
      int reps = Math.clamp(expectedRows, 1, MAX_REPETITIONS);
      (target.getVersion() == SnmpConstants.version1 ? v1Tables : bulkTables[reps])
          .getTable(target, cols, listener, null, null, null);
    } catch (RuntimeException e) {
      future.completeExceptionally(
          new SnmpFailure(SnmpFailure.Kind.BAD_TARGET, "cannot walk: " + e.getMessage()));
    }
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

  private SnmpFailure failure(SnmpEndpoint endpoint, Target<UdpAddress> target, TableEvent event) {
    return switch (event.getStatus()) {
      case TableEvent.STATUS_TIMEOUT -> timeout(endpoint, target);
      case TableEvent.STATUS_REPORT -> report(event.getReportPDU());
      default -> new SnmpFailure(SnmpFailure.Kind.AGENT_ERROR, event.getErrorMessage());
    };
  }

  private SnmpFailure timeout(SnmpEndpoint endpoint, Target<UdpAddress> target) {
    String reason =
        "no answer from "
            + endpoint.host()
            + ":"
            + endpoint.credentials().port()
            + " after "
            + (endpoint.retries() + 1)
            + " attempts of "
            + endpoint.timeout().toMillis()
            + " ms";
    if (target.getSecurityLevel() == SecurityLevel.AUTH_PRIV
        && mpv3.getEngineID(target.getAddress()) != null
        && !answered.contains(endpoint)) {
      reason +=
          " (it answered SNMPv3 engine discovery but never a request: wrong privacy password or"
              + " protocol?)";
    }
    return new SnmpFailure(SnmpFailure.Kind.TIMEOUT, reason);
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
