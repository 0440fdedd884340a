package io.ravenwatch.probes.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.testkit.SnmpdServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;

/** The shared SNMP session's behaviour that the probes rely on, against a real snmpd. */
class SnmpClientIT {
  private static final String AUTH = "auth-pass-1";
  private static final String PRIV = "priv-pass-1";
  private static final OID MISSING = new OID("1.3.6.1.4.1.99999.1.0");

  private static SnmpdServer snmpd;

  @BeforeAll
  static void startAgent() {
    snmpd =
        SnmpdServer.builder()
            .community("public")
            .v3User("alice", SnmpdServer.Auth.SHA_256, AUTH, PRIV)
            .start();
  }

  @AfterAll
  static void stopAgent() {
    snmpd.close();
  }

  private static SnmpEndpoint endpoint(SnmpCredentials credentials) {
    return new SnmpEndpoint(snmpd.host(), credentials, Duration.ofMillis(500), 0);
  }

  private static SnmpFailure failure(Runnable join) {
    Throwable t = catchThrowable(join::run);
    assertThat(t).isInstanceOf(CompletionException.class);
    assertThat(t.getCause()).isInstanceOf(SnmpFailure.class);
    return (SnmpFailure) t.getCause();
  }

  @Test
  void answersAV1GetWithTheObjectsThatExistWhenOneDoesNot() {
    try (var client = SnmpClient.open()) {
      var values =
          client
              .get(
                  endpoint(SnmpTestTargets.v1(snmpd.port(), "public")),
                  List.of(HostMib.SYS_UPTIME, MISSING, HostMib.MEM_TOTAL_REAL))
              .join();

      assertThat(values).containsKeys(HostMib.SYS_UPTIME, HostMib.MEM_TOTAL_REAL);
      assertThat(values).doesNotContainKey(MISSING);
    }
  }

  @Test
  void hintsAtTheWrongPrivacyPasswordWhenTheAgentDropsWhatItCannotDecrypt() {
    var wrongPriv =
        SnmpTestTargets.v3(
            snmpd.port(), "alice", SnmpCredentials.AuthProtocol.SHA_256, AUTH, "not-the-priv-pass");
    try (var client = SnmpClient.open()) {
      SnmpFailure f =
          failure(() -> client.get(endpoint(wrongPriv), List.of(HostMib.SYS_UPTIME)).join());

      assertThat(f.kind()).isEqualTo(SnmpFailure.Kind.TIMEOUT);
      assertThat(f.reason()).contains("wrong privacy password");
    }
  }

  @Test
  void refusesOneV3UserNameWithTwoDifferentPasswordsInOneSession() {
    var right =
        SnmpTestTargets.v3(snmpd.port(), "alice", SnmpCredentials.AuthProtocol.SHA_256, AUTH, PRIV);
    var other =
        SnmpTestTargets.v3(
            snmpd.port(), "alice", SnmpCredentials.AuthProtocol.SHA_256, "other-pass-1", PRIV);
    try (var client = SnmpClient.open()) {
      assertThat(client.get(endpoint(right), List.of(HostMib.SYS_UPTIME)).join())
          .containsKey(HostMib.SYS_UPTIME);

      SnmpFailure f =
          failure(() -> client.get(endpoint(other), List.of(HostMib.SYS_UPTIME)).join());

      assertThat(f.kind()).isEqualTo(SnmpFailure.Kind.BAD_TARGET);
      assertThat(f.reason()).contains("'alice'").contains("different");
    }
  }

  @Test
  void walksSeveralTablesWithDifferentIndexesInOneCall() {
    try (var client = SnmpClient.open()) {
      // ifDescr (indexed by ifIndex) and hrStorageDescr (by hrStorageIndex) side by side.
      SnmpTable table =
          client
              .walk(
                  endpoint(SnmpCredentials.v2c("v2c", snmpd.port(), "public")),
                  SnmpClient.oids("1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.25.2.3.1.3"))
              .join();

      assertThat(table.rows()).extracting(r -> String.valueOf(r.get(0))).contains("lo");
      assertThat(table.rows())
          .extracting(r -> String.valueOf(r.get(1)))
          .contains("Physical memory");
    }
  }

  @Test
  void walksATableLongerThanItsRowHintCompletelyInMorePages() {
    var v2c = endpoint(SnmpCredentials.v2c("v2c", snmpd.port(), "public"));
    List<OID> hrStorageDescr = SnmpClient.oids("1.3.6.1.2.1.25.2.3.1.3");
    try (var client = SnmpClient.open()) {
      SnmpTable full = client.walk(v2c, hrStorageDescr).join();

      SnmpTable paged = client.walk(v2c, hrStorageDescr, 2).join();

      assertThat(full.rows()).hasSizeGreaterThan(2);
      assertThat(paged.rows()).isEqualTo(full.rows());
    }
  }
}
