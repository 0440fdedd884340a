package io.ravenwatch.alerts.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.alerts.silence.Matcher;
import io.ravenwatch.alerts.silence.Silence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AlertStore} on a JDBC database migrated by {@link AlertStores#migrate}: embedded H2 or
 * PostgreSQL, the same SQL on both. Open one with {@link AlertStores#open}.
 *
 * <p><b>Transactions and isolation.</b> Connections run at READ COMMITTED (the default of both
 * databases, set explicitly on the pool). {@link #inTransaction} holds one connection with
 * auto-commit off, so a state change and the notifications it causes commit together or not at all;
 * every other method is one auto-committed statement. Reads through the store inside the work see
 * what is committed, not the work's own writes (as with the in-memory store). Outbox ids come from
 * an identity column, so they grow in commit order as long as one writer (the router,
 * single-threaded) enqueues.
 *
 * <p><b>No double delivery.</b> On a single node there is one dispatcher per receiver; it reads
 * {@link #pending} and marks each entry before it reads again. The marks are conditional ({@code
 * WHERE delivered_at IS NULL AND rejected_at IS NULL}): a delivered or rejected entry never changes
 * again, and committed marks are visible to the next {@code pending} of any connection. Two
 * dispatchers delivering the same receiver at the same time are not supported: that needs a lease
 * column claimed with a conditional UPDATE (or PostgreSQL's {@code FOR UPDATE SKIP LOCKED}), the
 * step for a multi-node setup.
 *
 * <p>Times are stored as epoch milliseconds, so instants come back truncated to the millisecond;
 * the notification itself is stored whole as JSON (full precision).
 */
public final class JdbcAlertStore implements AlertStore {
  private static final Logger logger = LoggerFactory.getLogger(JdbcAlertStore.class);
  private static final TypeReference<List<Matcher>> MATCHERS = new TypeReference<>() {};
  private static final TypeReference<TreeMap<String, String>> PARAMETERS = new TypeReference<>() {};
  private static final String OUTBOX_COLUMNS =
      "id, notification, attempts, next_attempt, last_error, delivered_at, message_id, rejected_at";
  private static final String NOT_DONE = " AND delivered_at IS NULL AND rejected_at IS NULL";

  private final Sql sql;
  private final Clock clock;
  private final AutoCloseable onClose;

  /**
   * A store on an already migrated database.
   *
   * @param onClose what {@link #close()} releases (the pool), or a no-op
   */
  public JdbcAlertStore(DataSource dataSource, Clock clock, AutoCloseable onClose) {
    this.sql = new Sql(dataSource);
    this.clock = clock;
    this.onClose = onClose;
  }

  @Override
  public Map<String, String> loadDocuments(String kind) {
    return sql.query(
        "SELECT doc_key, body FROM state_document WHERE kind = ?",
        ps -> ps.setString(1, kind),
        rs -> {
          var docs = new TreeMap<String, String>();
          while (rs.next()) {
            docs.put(rs.getString(1), rs.getString(2));
          }
          return docs;
        });
  }

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    return sql.transaction(
        c -> {
          var tx = new JdbcTransaction(c);
          try {
            return work.apply(tx);
          } finally {
            tx.open = false;
          }
        });
  }

  private interface Statement<T> {
    T call() throws SQLException;
  }

  /** One connection with auto-commit off; usable only inside its {@code inTransaction}. */
  private final class JdbcTransaction implements Transaction {
    private final Connection c;
    private boolean open = true;

    JdbcTransaction(Connection c) {
      this.c = c;
    }

    @Override
    public void putDocument(String kind, String key, String json) {
      long now = clock.millis();
      run(
          () -> {
            int n =
                Sql.update(
                    c,
                    "UPDATE state_document SET body = ?, updated_at = ?"
                        + " WHERE kind = ? AND doc_key = ?",
                    json,
                    now,
                    kind,
                    key);
            return n > 0
                ? n
                : Sql.update(
                    c,
                    "INSERT INTO state_document (body, updated_at, kind, doc_key)"
                        + " VALUES (?, ?, ?, ?)",
                    json,
                    now,
                    kind,
                    key);
          });
    }

    @Override
    public void deleteDocument(String kind, String key) {
      run(
          () ->
              Sql.update(
                  c, "DELETE FROM state_document WHERE kind = ? AND doc_key = ?", kind, key));
    }

    @Override
    public Notification enqueue(Notification n) {
      String insert =
          "INSERT INTO outbox (receiver, kind, group_key, reply_to, created_at, notification)"
              + " VALUES (?, ?, ?, ?, ?, ?)";
      return run(
          () -> {
            // The id is the row's identity; the stored JSON carries 0 and is given the id on read.
            try (PreparedStatement ps = c.prepareStatement(insert, new String[] {"id"})) {
              Sql.bind(
                  ps,
                  n.receiver(),
                  n.kind().name(),
                  n.groupKey(),
                  n.replyTo(),
                  n.createdAt().toEpochMilli(),
                  Json.write(n.withId(0)));
              ps.executeUpdate();
              try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                  throw new SQLException("no id generated for the outbox entry");
                }
                return n.withId(keys.getLong(1));
              }
            }
          });
    }

    private <T> T run(Statement<T> statement) {
      if (!open) {
        throw new IllegalStateException("the transaction is over: use it only inside its work");
      }
      try {
        return statement.call();
      } catch (SQLException e) {
        throw Sql.failed("statement", e);
      }
    }
  }

  @Override
  public List<OutboxEntry> pending(String receiver, int limit) {
    return sql.query(
        "SELECT "
            + OUTBOX_COLUMNS
            + " FROM outbox WHERE receiver = ?"
            + NOT_DONE
            + " ORDER BY id LIMIT ?",
        ps -> Sql.bind(ps, receiver, limit),
        rs -> {
          var entries = new ArrayList<OutboxEntry>();
          while (rs.next()) {
            entries.add(outboxEntry(rs));
          }
          return entries;
        });
  }

  @Override
  public Optional<OutboxEntry> entry(long id) {
    return sql.query(
        "SELECT " + OUTBOX_COLUMNS + " FROM outbox WHERE id = ?",
        ps -> ps.setLong(1, id),
        rs -> rs.next() ? Optional.of(outboxEntry(rs)) : Optional.empty());
  }

  private static OutboxEntry outboxEntry(ResultSet rs) throws SQLException {
    Notification n = Json.read(rs.getString(2), Notification.class).withId(rs.getLong(1));
    return new OutboxEntry(
        n,
        rs.getInt(3),
        Sql.instant(rs, 4),
        rs.getString(5),
        Sql.instant(rs, 6),
        rs.getString(7),
        Sql.instant(rs, 8));
  }

  @Override
  public void markDelivered(long id, String messageId, Instant at) {
    mark(id, "delivered_at = ?, message_id = ?", at.toEpochMilli(), messageId);
  }

  @Override
  public void markRetry(long id, String error, Instant nextAttempt) {
    mark(
        id,
        "attempts = attempts + 1, last_error = ?, next_attempt = ?",
        error,
        Sql.millis(nextAttempt));
  }

  @Override
  public void markRejected(long id, String error, Instant at) {
    mark(id, "rejected_at = ?, last_error = ?", at.toEpochMilli(), error);
  }

  // A finished entry (delivered or rejected) stays as it is; an unknown id is a caller's bug.
  private void mark(long id, String set, Object... values) {
    Object[] args = new Object[values.length + 1];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = id;
    int n = sql.execute("UPDATE outbox SET " + set + " WHERE id = ?" + NOT_DONE, args);
    if (n == 0 && entry(id).isEmpty()) {
      throw new NoSuchElementException("no outbox entry " + id);
    }
  }

  @Override
  public void saveSilence(Silence s) {
    sql.upsert(
        "UPDATE silence SET matchers = ?, starts_at = ?, ends_at = ?, created_by = ?,"
            + " comment_text = ?, created_at = ? WHERE id = ?",
        "INSERT INTO silence (matchers, starts_at, ends_at, created_by, comment_text, created_at,"
            + " id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        Json.write(s.matchers()),
        s.startsAt().toEpochMilli(),
        s.endsAt().toEpochMilli(),
        s.createdBy(),
        s.comment(),
        s.createdAt().toEpochMilli(),
        s.id());
  }

  @Override
  public List<Silence> silences() {
    return sql.list(
        "SELECT id, matchers, starts_at, ends_at, created_by, comment_text, created_at"
            + " FROM silence ORDER BY created_at, id",
        rs ->
            new Silence(
                rs.getString(1),
                Json.read(rs.getString(2), MATCHERS),
                Sql.instant(rs, 3),
                Sql.instant(rs, 4),
                rs.getString(5),
                rs.getString(6),
                Sql.instant(rs, 7)));
  }

  @Override
  public void saveWindow(MaintenanceWindow w) {
    sql.upsert(
        "UPDATE maintenance_window SET reason = ?, scope = ?, starts_at = ?, ends_at = ?, cron = ?,"
            + " occurrence = ?, zone_id = ?, created_by = ?, created_at = ? WHERE id = ?",
        "INSERT INTO maintenance_window (reason, scope, starts_at, ends_at, cron, occurrence,"
            + " zone_id, created_by, created_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        w.reason(),
        Json.write(w.scope()),
        Sql.millis(w.start()),
        Sql.millis(w.end()),
        w.cron(),
        w.duration() == null ? null : w.duration().toString(),
        w.zone().getId(),
        w.createdBy(),
        w.createdAt().toEpochMilli(),
        w.id());
  }

  @Override
  public void deleteWindow(String id) {
    sql.execute("DELETE FROM maintenance_window WHERE id = ?", id);
  }

  @Override
  public List<MaintenanceWindow> windows() {
    return sql.list(
        "SELECT id, reason, scope, starts_at, ends_at, cron, occurrence, zone_id, created_by,"
            + " created_at FROM maintenance_window ORDER BY created_at, id",
        rs -> {
          String occurrence = rs.getString(7);
          return new MaintenanceWindow(
              rs.getString(1),
              rs.getString(2),
              Json.read(rs.getString(3), MaintenanceWindow.Scope.class),
              Sql.instant(rs, 4),
              Sql.instant(rs, 5),
              rs.getString(6),
              occurrence == null ? null : Duration.parse(occurrence),
              ZoneId.of(rs.getString(8)),
              rs.getString(9),
              Sql.instant(rs, 10));
        });
  }

  @Override
  public void saveAck(Ack a) {
    sql.upsert(
        "UPDATE ack SET acked_by = ?, note = ?, acked_at = ?, severity = ? WHERE fingerprint = ?",
        "INSERT INTO ack (acked_by, note, acked_at, severity, fingerprint) VALUES (?, ?, ?, ?, ?)",
        a.by(),
        a.note(),
        a.at().toEpochMilli(),
        a.severity().name(),
        a.fingerprint());
  }

  @Override
  public void deleteAck(String fingerprint) {
    sql.execute("DELETE FROM ack WHERE fingerprint = ?", fingerprint);
  }

  @Override
  public List<Ack> acks() {
    return sql.list(
        "SELECT fingerprint, acked_by, note, acked_at, severity FROM ack"
            + " ORDER BY acked_at, fingerprint",
        rs ->
            new Ack(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Sql.instant(rs, 4),
                Severity.valueOf(rs.getString(5))));
  }

  @Override
  public AuditEntry appendAudit(AuditEntry e) {
    String insert =
        "INSERT INTO audit (happened_at, caller_id, caller_name, roles, action_name, parameters,"
            + " state_before, state_after, outcome, detail, error_id, duration_ms)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    return sql.transaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(insert, new String[] {"id"})) {
            Sql.bind(
                ps,
                e.at().toEpochMilli(),
                e.callerId(),
                e.callerName(),
                String.join(",", e.roles()),
                e.action(),
                Json.write(e.parameters()),
                e.before(),
                e.after(),
                e.outcome().name(),
                e.detail(),
                e.errorId(),
                e.duration().toMillis());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              if (!keys.next()) {
                throw new SQLException("no id generated for the audit entry");
              }
              return e.withId(keys.getLong(1));
            }
          }
        });
  }

  @Override
  public List<AuditEntry> audit(int limit) {
    return sql.query(
        "SELECT id, happened_at, caller_id, caller_name, roles, action_name, parameters,"
            + " state_before, state_after, outcome, detail, error_id, duration_ms"
            + " FROM audit ORDER BY id DESC LIMIT ?",
        ps -> ps.setInt(1, limit),
        rs -> {
          var entries = new ArrayList<AuditEntry>();
          while (rs.next()) {
            String roles = rs.getString(5);
            entries.add(
                new AuditEntry(
                    rs.getLong(1),
                    Sql.instant(rs, 2),
                    rs.getString(3),
                    rs.getString(4),
                    roles.isEmpty() ? List.of() : List.of(roles.split(",")),
                    rs.getString(6),
                    Json.read(rs.getString(7), PARAMETERS),
                    rs.getString(8),
                    rs.getString(9),
                    AuditEntry.Outcome.valueOf(rs.getString(10)),
                    rs.getString(11),
                    rs.getString(12),
                    Duration.ofMillis(rs.getLong(13))));
          }
          return entries;
        });
  }

  @Override
  public void close() {
    try {
      onClose.close();
    } catch (Exception e) {
      logger.warn("closing the alert store: {}", e.toString());
    }
  }
}
