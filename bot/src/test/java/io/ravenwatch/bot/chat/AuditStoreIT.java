package io.ravenwatch.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.AlertStores;
import io.ravenwatch.alerts.store.StoreSettings;
import io.ravenwatch.bot.chat.audit.AuditLog;
import io.ravenwatch.bot.chat.audit.AuditSinks;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.testkit.MutableClock;
import io.ravenwatch.testkit.PostgresServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail of a confirmed destructive command in the store, on H2 and on PostgreSQL. */
class AuditStoreIT {
  private static PostgresServer postgres;

  @TempDir Path dataDir;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.launch();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @DisplayName("PostgreSQL: plan, another user's refused click and the confirmation are stored")
  void auditsToPostgres() {
    postgres.createDatabase("audit_trail");
    var settings =
        new StoreSettings(
            postgres.jdbcUrl("audit_trail"), Secret.literal(PostgresServer.USER), null, 2);
    try (AlertStore store = AlertStores.open(settings, dataDir, Clock.systemUTC())) {
      assertTrail(store);
    }
  }

  @Test
  @DisplayName("H2: the same trail in the embedded store")
  void auditsToH2() {
    try (AlertStore store = AlertStores.open(StoreSettings.EMBEDDED, dataDir, Clock.systemUTC())) {
      assertTrail(store);
    }
  }

  private static void assertTrail(AlertStore store) {
    var clock = new MutableClock(Instant.parse("2026-11-22T05:00:00Z"));
    var commands = new TestCommands();
    var dispatcher =
        new CommandDispatcher(
            commands.registry(),
            new Permissions(
                Map.of(Capability.RESTART, Set.of("300000000000000001")),
                EnumSet.noneOf(Capability.class)),
            new AuditLog(List.of(AuditSinks.store(store))),
            new ConfirmationBook(Duration.ofSeconds(60)),
            clock);
    var alice = new Caller("200000000000000001", "alice", Set.of("300000000000000001"));
    var bob = new Caller("200000000000000002", "bob", Set.of("300000000000000001"));
    var planReply = new RecordingReply();

    dispatcher.dispatch(new Invocation(alice, "restart", "", Map.of("target", "web1"), planReply));
    String confirm = planReply.last().buttons().getFirst().id();
    clock.advance(Duration.ofSeconds(5));
    dispatcher.onButton(bob, confirm, new RecordingReply());
    clock.advance(Duration.ofSeconds(5));
    dispatcher.onButton(alice, confirm, new RecordingReply());

    List<AuditEntry> trail = store.audit(10);
    assertThat(trail)
        .extracting(AuditEntry::callerName, AuditEntry::action, AuditEntry::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", "/restart", Outcome.OK),
            org.assertj.core.groups.Tuple.tuple("bob", "/restart", Outcome.REFUSED),
            org.assertj.core.groups.Tuple.tuple("alice", "/restart", Outcome.PLANNED));
    assertThat(trail.getFirst().parameters()).containsExactly(Map.entry("target", "web1"));
    assertThat(trail.getFirst().roles()).containsExactly("300000000000000001");
    assertThat(trail.getFirst().at()).isEqualTo(Instant.parse("2026-11-22T05:00:10Z"));
    assertThat(trail.get(1).detail()).isEqualTo("confirm refused: the plan is alice's");
    assertThat(commands.ran).containsExactly("restart web1 by alice");
  }
}
