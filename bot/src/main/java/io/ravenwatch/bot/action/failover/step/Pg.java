package io.ravenwatch.bot.action.failover.step;

import io.ravenwatch.bot.action.failover.NodeConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/** JDBC connections to a node's PostgreSQL server, bounded by a step's time limit. */
public final class Pg {
  private Pg() {}

  /** Opens a connection; connect, socket and login time are bounded by {@code timeout}. */
  public static Connection connect(String host, NodeConfig.Postgres pg, Duration timeout)
      throws SQLException {
    var props = new Properties();
    props.setProperty("user", pg.user());
    if (pg.password() != null) {
      props.setProperty("password", pg.password().reveal());
    }
    String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
    props.setProperty("connectTimeout", seconds);
    props.setProperty("socketTimeout", seconds);
    props.setProperty("loginTimeout", seconds);
    props.setProperty("ApplicationName", "ravenwatch-failover");
    return DriverManager.getConnection(
        "jdbc:postgresql://" + host + ":" + pg.port() + "/" + pg.database(), props);
  }

  /** Whether the server is a standby ({@code pg_is_in_recovery()}). */
  public static boolean inRecovery(Connection c) throws SQLException {
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** A short reason from a JDBC failure, without the connection properties. */
  public static String reason(SQLException e) {
    String state = e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("") + state;
  }
}
