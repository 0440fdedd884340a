package io.ravenwatch.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.api.AlertState;
import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.alerts.silence.Matcher;
import io.ravenwatch.alerts.silence.Silence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlertStore} does, run against the in-memory store, H2 and PostgreSQL. Times are
 * whole milliseconds: the JDBC stores keep no more.
 */
abstract class AlertStoreContract {
  static final Instant T0 = Instant.parse("2026-11-22T05:00:00.123Z");

  protected AlertStore store;

  /** A new, empty store. */
  protected abstract AlertStore openStore();

  @BeforeEach
  void openTheStore() {
    store = openStore();
  }

  @AfterEach
  void closeTheStore() {
    store.close();
  }

  // ---- documents and transactions ----

  @Test
  void putsReplacesAndDeletesDocumentsByKindAndKey() {
    store.inTransaction(
        tx -> {
          tx.putDocument("alert", "a1", "{\"v\":1}");
          tx.putDocument("alert", "a2", "{\"v\":2}");
          tx.putDocument("group", "a1", "{\"g\":1}");
          return null;
        });
    store.inTransaction(
        tx -> {
          tx.putDocument("alert", "a1", "{\"v\":10}");
          tx.deleteDocument("alert", "a2");
          tx.deleteDocument("alert", "absent");
          return null;
        });

    assertThat(store.loadDocuments("alert")).containsExactly(Map.entry("a1", "{\"v\":10}"));
    assertThat(store.loadDocuments("group")).containsExactly(Map.entry("a1", "{\"g\":1}"));
    assertThat(store.loadDocuments("unknown")).isEmpty();
  }

  @Test
  void keepsLargeDocuments() {
    String big = "{\"x\":\"" + "y".repeat(2_000_000) + "\"}";
    store.inTransaction(
        tx -> {
          tx.putDocument("group", "big", big);
          return null;
        });

    assertThat(store.loadDocuments("group").get("big")).isEqualTo(big);
  }

  @Test
  void commitsDocumentsAndNotificationsTogetherAndReturnsTheWorksResult() {
    Notification enqueued =
        store.inTransaction(
            tx -> {
              tx.putDocument("alert", "a1", "{}");
              return tx.enqueue(notification("discord", "g1"));
            });

    assertThat(store.loadDocuments("alert")).containsKey("a1");
    assertThat(ids(store.pending("discord", 10))).containsExactly(enqueued.id());
  }

  @Test
  void writesNothingWhenTheWorkThrows() {
    store.inTransaction(
        tx -> {
          tx.putDocument("alert", "a1", "{\"v\":1}");
          return null;
        });
    var failure = new IllegalStateException("router bug");

    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.putDocument("alert", "a1", "{\"v\":2}");
                      tx.putDocument("alert", "a2", "{\"v\":2}");
                      tx.deleteDocument("alert", "a1");
                      tx.enqueue(notification("discord", "g1"));
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(store.loadDocuments("alert")).containsExactly(Map.entry("a1", "{\"v\":1}"));
    assertThat(store.pending("discord", 10)).isEmpty();
  }

  @Test
  void refusesATransactionUsedAfterItsWork() {
    var leaked = new AtomicReference<AlertStore.Transaction>();
    store.inTransaction(
        tx -> {
          leaked.set(tx);
          return null;
        });

    assertThatThrownBy(() -> leaked.get().putDocument("alert", "a1", "{}"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.loadDocuments("alert")).isEmpty();
  }

  // ---- outbox ----

  @Test
  void enqueueAssignsIncreasingIdsAndReturnsTheNotificationWithIt() {
    Notification n = notification("discord", "g1");
    Notification first = store.inTransaction(tx -> tx.enqueue(n));
    Notification second = store.inTransaction(tx -> tx.enqueue(n));

    assertThat(first.id()).isPositive();
    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(first).isEqualTo(n.withId(first.id()));
  }

  @Test
  void pendingListsOneReceiversEntriesInOutboxOrderUpToTheLimit() {
    List<Long> discord =
        store.inTransaction(
            tx -> {
              long a = tx.enqueue(notification("discord", "g1")).id();
              tx.enqueue(notification("webhook", "g1"));
              long b = tx.enqueue(notification("discord", "g2")).id();
              long c = tx.enqueue(notification("discord", "g1")).id();
              return List.of(a, b, c);
            });

    assertThat(ids(store.pending("discord", 10))).containsExactlyElementsOf(discord);
    assertThat(ids(store.pending("discord", 2))).containsExactly(discord.get(0), discord.get(1));
    assertThat(store.pending("webhook", 10)).hasSize(1);
    assertThat(store.pending("nobody", 10)).isEmpty();
  }

  @Test
  void pendingLeavesOutDeliveredAndRejectedEntriesButKeepsRetries() {
    List<Long> ids = enqueue(4, "discord");
    store.markDelivered(ids.get(0), "m-1", T0);
    store.markRejected(ids.get(1), "400 embed too long", T0);
    store.markRetry(ids.get(2), "timeout", T0.plusSeconds(30));

    assertThat(ids(store.pending("discord", 10))).containsExactly(ids.get(2), ids.get(3));
  }

  @Test
  void markRetryCountsAttemptsAndKeepsTheLastErrorAndNextAttempt() {
    long id = enqueue(1, "discord").getFirst();
    store.markRetry(id, "connection refused", T0.plusSeconds(1));
    store.markRetry(id, "503 Service Unavailable", T0.plusSeconds(5));

    OutboxEntry e = store.entry(id).orElseThrow();
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(e.lastError()).isEqualTo("503 Service Unavailable");
    assertThat(e.nextAttempt()).isEqualTo(T0.plusSeconds(5));
    assertThat(e.delivered()).isFalse();
  }

  @Test
  void markDeliveredStoresTheMessageIdAndTheTime() {
    long id = enqueue(1, "discord").getFirst();
    store.markRetry(id, "timeout", T0);
    store.markDelivered(id, "1311111111111111111", T0.plusSeconds(2));

    OutboxEntry e = store.entry(id).orElseThrow();
    assertThat(e.delivered()).isTrue();
    assertThat(e.deliveredAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(e.messageId()).isEqualTo("1311111111111111111");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.rejectedAt()).isNull();
  }

  @Test
  void aFinishedEntryIsNeverMarkedAgain() {
    List<Long> ids = enqueue(2, "discord");
    store.markDelivered(ids.get(0), "m-1", T0);
    store.markRejected(ids.get(1), "403 missing access", T0);

    store.markDelivered(ids.get(0), "m-2", T0.plusSeconds(1));
    store.markRetry(ids.get(0), "late failure", T0.plusSeconds(1));
    store.markDelivered(ids.get(1), "m-3", T0.plusSeconds(1));

    OutboxEntry delivered = store.entry(ids.get(0)).orElseThrow();
    assertThat(delivered.messageId()).isEqualTo("m-1");
    assertThat(delivered.attempts()).isZero();
    assertThat(delivered.lastError()).isNull();
    OutboxEntry rejected = store.entry(ids.get(1)).orElseThrow();
    assertThat(rejected.rejectedAt()).isEqualTo(T0);
    assertThat(rejected.lastError()).isEqualTo("403 missing access");
    assertThat(rejected.deliveredAt()).isNull();
  }

  @Test
  void markingAnUnknownEntryFails() {
    assertThatThrownBy(() -> store.markDelivered(999_999, "m", T0))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("999999");
  }

  @Test
  void entryReturnsTheWholeNotification() {
    Notification opened = store.inTransaction(tx -> tx.enqueue(notification("discord", "g1")));
    Notification full =
        new Notification(
            0,
            "discord",
            Notification.Kind.RESOLVED,
            "g1",
            Labels.of("alertname", "DiskFull", "region", "eu-west"),
            Severity.CRITICAL,
            List.of(
                new AlertSummary(
                    "0123456789abcdef",
                    "DiskFull",
                    Labels.of("alertname", "DiskFull", "source", "db1", "path", "/var"),
                    Severity.CRITICAL,
                    AlertState.RESOLVED,
                    T0.minusSeconds(600),
                    97.5,
                    Map.of("summary", "/var on db1 is 97.5% full", "runbook", "https://wiki/disk"),
                    "alice"),
                new AlertSummary(
                    "fedcba9876543210",
                    "DiskFull",
                    Labels.of("alertname", "DiskFull", "source", "db2"),
                    Severity.WARNING,
                    AlertState.FIRING,
                    T0.minusSeconds(60),
                    null,
                    Map.of(),
                    null)),
            3,
            "switch1",
            "@oncall",
            opened.id(),
            Instant.parse("2026-11-22T05:00:00.123456789Z"));

    Notification stored = store.inTransaction(tx -> tx.enqueue(full));
    OutboxEntry e = store.entry(stored.id()).orElseThrow();

    assertThat(e.notification()).isEqualTo(full.withId(stored.id()));
    assertThat(e.notification().replyTo()).isEqualTo(opened.id());
    assertThat(e.id()).isEqualTo(stored.id());
    assertThat(e.attempts()).isZero();
    assertThat(e.nextAttempt()).isNull();
    assertThat(e.lastError()).isNull();
    assertThat(e.delivered()).isFalse();
    assertThat(store.entry(stored.id() + 1000)).isEmpty();
  }

  // ---- silences, windows, acks ----

  @Test
  void savesReplacesAndListsSilences() {
    Silence s1 =
        new Silence(
            "3f1b-1",
            List.of(
                Matcher.eq("source", "db1"),
                new Matcher("alertname", Matcher.Op.RE, "Disk.*"),
                new Matcher("region", Matcher.Op.NE, "us"),
                new Matcher("path", Matcher.Op.NRE, "/boot|/tmp")),
            T0,
            T0.plus(Duration.ofHours(2)),
            "alice",
            "replacing the disk",
            T0.minusSeconds(5));
    Silence s2 =
        new Silence(
            "3f1b-2", List.of(Matcher.eq("group", "lab")), T0, T0.plusSeconds(60), "", "", T0);
    store.saveSilence(s2);
    store.saveSilence(s1);
    store.saveSilence(s1.expire(T0.plusSeconds(10)));

    assertThat(store.silences()).containsExactly(s1.expire(T0.plusSeconds(10)), s2);
  }

  @Test
  void savesOneOffAndRecurringWindowsAndDeletesThem() {
    var oneOff =
        new MaintenanceWindow(
            "w-1",
            "firmware upgrade",
            new MaintenanceWindow.Scope(List.of("switch1", "db1"), List.of(), List.of("eu-west")),
            T0,
            T0.plus(Duration.ofHours(1)),
            null,
            null,
            null,
            "bob",
            T0);
    var recurring =
        new MaintenanceWindow(
            "w-2",
            "nightly backup",
            new MaintenanceWindow.Scope(List.of(), List.of("backup"), List.of()),
            null,
            null,
            "0 30 2 ? * MON-FRI",
            Duration.ofMinutes(45),
            ZoneId.of("Europe/Paris"),
            "console",
            T0.plusSeconds(1));
    var bounded =
        new MaintenanceWindow(
            "w-3",
            "",
            new MaintenanceWindow.Scope(List.of("web1"), List.of(), List.of()),
            T0,
            T0.plus(Duration.ofDays(30)),
            "0 0 * * * ?",
            Duration.ofSeconds(90),
            ZoneId.of("America/New_York"),
            "",
            T0.plusSeconds(2));
    store.saveWindow(oneOff);
    store.saveWindow(recurring);
    store.saveWindow(bounded);

    assertThat(store.windows()).containsExactly(oneOff, recurring, bounded);

    var moved =
        new MaintenanceWindow(
            "w-1",
            "firmware upgrade, moved",
            oneOff.scope(),
            T0.plus(Duration.ofDays(1)),
            T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)),
            null,
            null,
            ZoneId.of("UTC"),
            "bob",
            T0);
    store.saveWindow(moved);
    store.deleteWindow("w-2");
    store.deleteWindow("absent");

    assertThat(store.windows()).containsExactly(moved, bounded);
  }

  @Test
  void savesReplacesAndDeletesAcks() {
    var a1 = new Ack("0123456789abcdef", "alice", "looking", T0, Severity.WARNING);
    var a2 = new Ack("fedcba9876543210", "bob", "", T0.plusSeconds(1), Severity.CRITICAL);
    store.saveAck(a1);
    store.saveAck(a2);
    var again = new Ack("0123456789abcdef", "carol", "mine now", T0.plusSeconds(2), Severity.INFO);
    store.saveAck(again);

    assertThat(store.acks()).containsExactly(a2, again);

    store.deleteAck("fedcba9876543210");
    store.deleteAck("absent");

    assertThat(store.acks()).containsExactly(again);
  }

  // ---- audit ----

  @Test
  void appendsAuditEntriesWithIncreasingIdsAndListsTheNewestFirst() {
    AuditEntry refused =
        store.appendAudit(
            AuditEntry.of(
                T0,
                "111111111111111111",
                "mallory",
                List.of("333333333333333333"),
                "/silence add",
                Map.of("matcher", "source=web1", "duration", "1h"),
                Outcome.REFUSED,
                "needs the silence permission",
                Duration.ZERO));
    AuditEntry failed =
        store.appendAudit(
            AuditEntry.of(
                    T0.plusSeconds(1),
                    "222222222222222222",
                    "alice",
                    List.of("555555555555555555", "444444444444444444"),
                    "/restart",
                    Map.of("target", "web1 \"quoted\" é"),
                    Outcome.FAILED,
                    "",
                    Duration.ofMillis(1234))
                .withErrorId("ABC123")
                .withState("running", "stopped"));
    AuditEntry console =
        store.appendAudit(
            AuditEntry.of(
                T0.plusSeconds(2),
                "console",
                "console",
                List.of(),
                "button ack",
                Map.of(),
                Outcome.OK,
                "acknowledged",
                Duration.ofMillis(3)));

    assertThat(refused.id()).isPositive();
    assertThat(failed.id()).isGreaterThan(refused.id());
    assertThat(console.id()).isGreaterThan(failed.id());
    assertThat(store.audit(10)).containsExactly(console, failed, refused);
    assertThat(store.audit(2)).containsExactly(console, failed);
    assertThat(failed.roles()).containsExactly("444444444444444444", "555555555555555555");
    assertThat(store.audit(10).get(1).errorId()).isEqualTo("ABC123");
    assertThat(store.audit(10).get(1).before()).isEqualTo("running");
  }

  @Test
  void auditIsEmptyAtFirst() {
    assertThat(store.audit(5)).isEmpty();
  }

  // ---- fixtures ----

  static Notification notification(String receiver, String groupKey) {
    return new Notification(
        0,
        receiver,
        Notification.Kind.FIRING,
        groupKey,
        Labels.of("alertname", "HostDown"),
        Severity.CRITICAL,
        List.of(
            new AlertSummary(
                "0123456789abcdef",
                "HostDown",
                Labels.of("alertname", "HostDown", "source", "db1"),
                Severity.CRITICAL,
                AlertState.FIRING,
                T0,
                1.0,
                new HashMap<>(Map.of("summary", "db1 is down")),
                null)),
        0,
        "",
        "",
        null,
        T0);
  }

  List<Long> enqueue(int count, String receiver) {
    return store.inTransaction(
        tx -> {
          var ids = new java.util.ArrayList<Long>();
          for (int i = 0; i < count; i++) {
            ids.add(tx.enqueue(notification(receiver, "g" + i)).id());
          }
          return ids;
        });
  }

  static List<Long> ids(List<OutboxEntry> entries) {
    return entries.stream().map(OutboxEntry::id).toList();
  }
}
