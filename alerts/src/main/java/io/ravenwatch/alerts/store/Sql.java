package io.ravenwatch.alerts.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JDBC plumbing of {@link JdbcAlertStore}: statements, transactions, parameters, times. */
final class Sql {
  private static final Logger logger = LoggerFactory.getLogger(Sql.class);

  /** Work on a connection. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  interface Binding {
    void bind(PreparedStatement ps) throws SQLException;
  }

  interface Reading<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private final DataSource dataSource;

  Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back if it throws. */
  <T> T transaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      boolean committed = false;
      try {
        T result = work.run(c);
        c.commit();
        committed = true;
        return result;
      } finally {
        if (!committed) {
          rollback(c);
        }
      }
    } catch (SQLException e) {
      throw failed("transaction", e);
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      // The work's own exception is the one worth seeing; the pool discards a broken connection.
      logger.warn("rollback failed: {}", e.toString());
    }
  }

  <T> T query(String sql, Binding binding, Reading<T> reading) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binding.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        return reading.read(rs);
      }
    } catch (SQLException e) {
      throw failed("query", e);
    }
  }

  <T> List<T> list(String sql, Reading<T> row) {
    return query(
        sql,
        ps -> {},
        rs -> {
          var rows = new ArrayList<T>();
          while (rs.next()) {
            rows.add(row.read(rs));
          }
          return rows;
        });
  }

  /** One auto-committed statement; returns the rows changed. */
  int execute(String sql, Object... args) {
    try (Connection c = dataSource.getConnection()) {
      return update(c, sql, args);
    } catch (SQLException e) {
      throw failed("update", e);
    }
  }

  /**
   * UPDATE, then INSERT when no row was there, in one transaction: portable (no MERGE or ON
   * CONFLICT dialects). Both statements take the same arguments, the key last. Two concurrent first
   * saves of one key would collide on the primary key; a single engine never does that.
   */
  void upsert(String updateSql, String insertSql, Object... args) {
    transaction(c -> update(c, updateSql, args) > 0 ? 0 : update(c, insertSql, args));
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    }
  }

  static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case null -> ps.setNull(i + 1, Types.NULL);
        case String s -> ps.setString(i + 1, s);
        case Long l -> ps.setLong(i + 1, l);
        case Integer n -> ps.setInt(i + 1, n);
        default -> throw new IllegalArgumentException("unsupported parameter " + args[i]);
      }
    }
  }

  static StoreException failed(String what, SQLException e) {
    return new StoreException("alert store " + what + " failed: " + e.getMessage(), e);
  }

  /** Epoch milliseconds, or null. */
  static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  /** An epoch-milliseconds column as an instant, or null. */
  static Instant instant(ResultSet rs, int column) throws SQLException {
    long ms = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
  }
}
