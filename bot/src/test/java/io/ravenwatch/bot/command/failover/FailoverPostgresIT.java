package io.ravenwatch.bot.command.failover;

import static io.ravenwatch.bot.command.failover.FailoverBed.ALICE;
import static io.ravenwatch.bot.command.failover.FailoverBed.button;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.command.RecordingReply;
import io.ravenwatch.testkit.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /failover} of a real PostgreSQL primary and its streaming standby. */
class FailoverPostgresIT {
  private static PostgresServer primary;
  private static PostgresServer standby;

  @TempDir Path dataDir;

  @BeforeAll
  static void start() {
    primary = PostgresServer.launch();
    primary.psql("postgres", "CREATE TABLE t (v int); INSERT INTO t VALUES (1)");
    standby = primary.standby();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "1".equals(standby.psql("postgres", "SELECT count(*) FROM t")));
  }

  @AfterAll
  static void stop() {
    if (standby != null) {
      standby.close();
    }
    if (primary != null) {
      primary.close();
    }
  }

  @Test
  @DisplayName(
      "'/failover db' promotes the standby with pg_promote(): it leaves recovery and takes writes")
  void promotesStandby() {
    assertThat(standby.psql("postgres", "SELECT pg_is_in_recovery()")).isEqualTo("t");
    String yaml =
        """
        services:
          db: {address: 127.0.0.1}
        failover:
          services:
            db:
              primary: pg-a
              standbys: [pg-b]
              nodes:
                pg-a: {host: 127.0.0.1, postgres: {port: %d, user: ravenwatch}}
                pg-b: {host: 127.0.0.1, postgres: {port: %d, user: ravenwatch}}
              preconditions: {healthy_probes: 0, max_replication_lag: 1h}
              steps:
                - {type: pg_promote}
              post_checks:
                - {type: pg_primary}
        """
            .formatted(primary.port(), standby.port());
    try (var bed = new FailoverBed(yaml, dataDir, Map.of())) {
      ChatMessage plan = bed.slash(ALICE, Map.of("service", "db")).only();
      assertThat(plan.embeds().getFirst().description())
          .contains("✅ pg-b replication lag at most 3600s")
          .contains("1. PostgreSQL: promote pg-b (pg_promote())");

      RecordingReply run = bed.press(ALICE, button(plan, "Confirm"));

      assertThat(run.edits.getLast().embeds().getFirst().title())
          .isEqualTo("Failover of db done: pg-b is active");
      assertThat(run.edits.getLast().embeds().getFirst().description())
          .contains("pg-b promoted: not in recovery")
          .contains("✅ 1. PostgreSQL: pg-b is a primary and takes writes");
      assertThat(standby.psql("postgres", "SELECT pg_is_in_recovery()")).isEqualTo("f");
      standby.psql("postgres", "INSERT INTO t VALUES (2)");
      assertThat(standby.psql("postgres", "SELECT count(*) FROM t")).isEqualTo("2");
      AuditEntry entry = bed.audited.getLast();
      assertThat(entry.outcome()).isEqualTo(Outcome.OK);
      assertThat(entry.before()).isEqualTo("active pg-a; pg-a primary, pg-b standby");
      // The old primary is not re-pointed (PostgreSQL needs pg_rewind): both are primaries now,
      // which is what a fencing step is for.
      assertThat(entry.after()).isEqualTo("active pg-b; pg-a primary, pg-b primary");
    }
  }
}
