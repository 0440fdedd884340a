package io.ravenwatch.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.alerts.silence.Matcher;
import io.ravenwatch.alerts.silence.Silence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the JDBC stores add to the contract: state survives a restart; migrations. */
abstract class JdbcAlertStoreContract extends AlertStoreContract {
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  /** The same database as {@link #openStore()}'s last store, opened again. */
  protected abstract AlertStore reopenStore();

  /** The JDBC URL of a new, empty database (no tables). */
  protected abstract String emptyDatabaseUrl();

  protected String username() {
    return null;
  }

  @Test
  void keepsEverythingWhenReopened() {
    Notification first =
        store.inTransaction(
            tx -> {
              tx.putDocument("alert", "a1", "{\"state\":\"FIRING\"}");
              return tx.enqueue(notification("discord", "g1"));
            });
    Notification second = store.inTransaction(tx -> tx.enqueue(notification("discord", "g2")));
    store.markDelivered(first.id(), "m-1", T0);
    store.markRetry(second.id(), "timeout", T0.plusSeconds(10));
    var silence =
        new Silence(
            "s1", List.of(Matcher.eq("source", "db1")), T0, T0.plusSeconds(60), "a", "", T0);
    var window =
        new MaintenanceWindow(
            "w1",
            "backup",
            new MaintenanceWindow.Scope(List.of("db1"), List.of(), List.of()),
            null,
            null,
            "0 0 3 * * ?",
            Duration.ofMinutes(30),
            null,
            "bob",
            T0);
    var ack = new Ack("0123456789abcdef", "alice", "on it", T0, Severity.CRITICAL);
    store.saveSilence(silence);
    store.saveWindow(window);
    store.saveAck(ack);
    var audited =
        store.appendAudit(
            io.ravenwatch.alerts.audit.AuditEntry.of(
                T0,
                "console",
                "console",
                List.of(),
                "/ack",
                Map.of("alert", "0123456789abcdef"),
                io.ravenwatch.alerts.audit.AuditEntry.Outcome.OK,
                "",
                Duration.ofMillis(5)));
    store.close();

    store = reopenStore();

    assertThat(store.loadDocuments("alert"))
        .containsExactly(Map.entry("a1", "{\"state\":\"FIRING\"}"));
    assertThat(store.entry(first.id()).orElseThrow().messageId()).isEqualTo("m-1");
    OutboxEntry retry = store.pending("discord", 10).getFirst();
    assertThat(retry.notification()).isEqualTo(second);
    assertThat(retry.attempts()).isEqualTo(1);
    assertThat(retry.nextAttempt()).isEqualTo(T0.plusSeconds(10));
    assertThat(store.silences()).containsExactly(silence);
    assertThat(store.windows()).containsExactly(window);
    assertThat(store.acks()).containsExactly(ack);
    assertThat(store.audit(10)).containsExactly(audited);
    Notification third = store.inTransaction(tx -> tx.enqueue(notification("discord", "g3")));
    assertThat(third.id()).isGreaterThan(second.id());
  }

  @Test
  void migratesAnEmptyDatabaseOnceAndThenDoesNothing() throws Exception {
    try (HikariDataSource ds = new HikariDataSource()) {
      ds.setJdbcUrl(emptyDatabaseUrl());
      ds.setUsername(username());
      ds.setMaximumPoolSize(2);
      assertThat(tables(ds)).doesNotContain("outbox");

      assertThat(AlertStores.migrate(ds)).isPositive();
      assertThat(tables(ds))
          .contains("state_document", "outbox", "silence", "maintenance_window", "ack", "audit");
      var migrated = new JdbcAlertStore(ds, CLOCK, () -> {});
      migrated.saveAck(new Ack("f", "alice", "", T0, Severity.INFO));

      assertThat(AlertStores.migrate(ds)).isZero();
      assertThat(migrated.acks()).hasSize(1);
    }
  }

  private static List<String> tables(HikariDataSource ds) throws Exception {
    var names = new java.util.ArrayList<String>();
    try (Connection c = ds.getConnection();
        ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
      }
    }
    return names;
  }
}
