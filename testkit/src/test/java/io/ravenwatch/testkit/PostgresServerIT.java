package io.ravenwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PostgresServerIT {

  @Test
  void startsAServerThatCreatesDatabasesAndAnswersQueries() {
    try (PostgresServer pg = PostgresServer.launch()) {
      pg.createDatabase("alerts");

      pg.psql("alerts", "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)");
      pg.psql("alerts", "INSERT INTO t VALUES (1, 'one')");

      assertThat(pg.psql("alerts", "SELECT v FROM t WHERE id = 1")).isEqualTo("one");
      assertThat(pg.psql("postgres", "SELECT current_user")).isEqualTo(PostgresServer.USER);
      assertThat(pg.jdbcUrl("alerts"))
          .isEqualTo("jdbc:postgresql://127.0.0.1:" + pg.port() + "/alerts");
    }
  }

  @Test
  void stopsTheServerAndDeletesItsFilesOnClose() throws Exception {
    int port;
    Path dir;
    try (PostgresServer pg = PostgresServer.launch()) {
      port = pg.port();
      dir = pg.directory();
      assertThat(dir.resolve("data/PG_VERSION")).exists();
    }
    assertThat(dir).doesNotExist();
    // Nothing listens on the port any more: binding it succeeds.
    try (var socket =
        new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void makesAStreamingStandbyThatFollowsThePrimary() {
    try (PostgresServer pg = PostgresServer.launch();
        PostgresServer standby = pg.standby()) {
      pg.psql("postgres", "CREATE TABLE t (v INT); INSERT INTO t VALUES (1)");

      assertThat(standby.port()).isNotEqualTo(pg.port());
      assertThat(standby.psql("postgres", "SELECT pg_is_in_recovery()")).isEqualTo("t");
      // Until the standby has replayed the CREATE TABLE, psql fails with "relation does not exist".
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(20))
          .ignoreExceptionsInstanceOf(IllegalStateException.class)
          .until(() -> "1".equals(standby.psql("postgres", "SELECT count(*) FROM t")));
    }
  }
}
