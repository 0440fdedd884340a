package io.ravenwatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server on a free loopback port in a temporary directory, for tests: {@code
 * initdb} with trust authentication for the superuser {@value #USER}, then {@code postgres} in the
 * foreground with {@code fsync=off}. PostgreSQL refuses to run as root, so as root both run as the
 * {@code postgres} system user (created by the Debian package) through {@code runuser}.
 *
 * <pre>{@code
 * try (PostgresServer pg = PostgresServer.launch()) {
 *   pg.createDatabase("alerts");
 *   String url = pg.jdbcUrl("alerts"); // user "ravenwatch", no password
 * }
 * }</pre>
 *
 * <p>The binaries come from {@code PG_BIN} (a directory) or the newest {@code
 * /usr/lib/postgresql/<version>/bin}; when there are none, {@link #launch()} fails with a message
 * saying how to install them. The server is ready when {@code pg_isready} says so.
 */
public final class PostgresServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(PostgresServer.class);
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** The superuser initdb creates; trust authentication, no password. */
  public static final String USER = "ravenwatch";

  private final Path bin;
  private final Path dir;
  private final Path data;
  private final Path log;
  private final int port;
  private final boolean asPostgresUser;
  private final ServerProcess process;
  private Duration startupTime = Duration.ZERO;

  private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.log = dir.resolve("postgres.log");
    this.port = port;
    this.asPostgresUser = asPostgresUser;
    this.process = new ServerProcess("postgres", log, GRACE).stoppedBy(this::pgCtlStop);
  }

  /** Initializes a fresh cluster, starts it and waits until it accepts connections. */
  public static PostgresServer launch() {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    return ServerProcess.inTempDirectory(
        "ravenwatch-postgres-",
        "PostgreSQL",
        dir -> {
          if (root) {
            chownToPostgres(dir);
          }
          var server = new PostgresServer(bin, dir, ServerProcess.freeTcpPort(), root);
          server.start();
          return server;
        });
  }

  /**
   * A streaming-replication standby of this server: {@code pg_basebackup -R} into a new temporary
   * directory, started on another free port, ready when it accepts (read-only) connections. Close
   * it like any server.
   */
  public PostgresServer standby() {
    return ServerProcess.inTempDirectory(
        "ravenwatch-postgres-standby-",
        "a PostgreSQL standby",
        standbyDir -> {
          if (asPostgresUser) {
            chownToPostgres(standbyDir);
          }
          var standby =
              new PostgresServer(bin, standbyDir, ServerProcess.freeTcpPort(), asPostgresUser);
          long started = System.nanoTime();
          standby.run(
              Duration.ofSeconds(60),
              bin.resolve("pg_basebackup").toString(),
              "-h",
              "127.0.0.1",
              "-p",
              Integer.toString(port),
              "-U",
              USER,
              "-D",
              standby.data.toString(),
              "-R",
              "-X",
              "stream",
              "--no-sync");
          standby.startPostgres(started);
          return standby;
        });
  }

  private void start() {
    long started = System.nanoTime();
    run(
        Duration.ofSeconds(60),
        bin.resolve("initdb").toString(),
        "-D",
        data.toString(),
        "-U",
        USER,
        "--auth=trust",
        "--encoding=UTF8",
        "--locale=C",
        "--no-sync");
    startPostgres(started);
  }

  private void startPostgres(long started) {
    Path socketDir = dir.resolve("socket");
    run(Duration.ofSeconds(10), "mkdir", "-p", socketDir.toString());
    process.start(
        new ProcessBuilder(
            command(
                bin.resolve("postgres").toString(),
                "-D",
                data.toString(),
                "-p",
                Integer.toString(port),
                "-k",
                socketDir.toString(),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off")),
        "cannot run postgres from " + bin);
    startupTime =
        process.awaitReady(started, STARTUP_LIMIT, POLL, this::ready, () -> "accept connections");
    logger.info(
        "PostgreSQL ready at 127.0.0.1:{} in {} ms (setup included)", port, startupTime.toMillis());
  }

  // pg_isready exits 0 only once the server accepts connections (not while it starts up).
  private boolean ready() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                bin.resolve("pg_isready").toString(),
                "-q",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-U",
                USER,
                "-d",
                "postgres",
                "-t",
                "1")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  /** The JDBC URL of a database on this server (user {@value #USER}, no password). */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The JDBC URL of the {@code postgres} database. */
  public String jdbcUrl() {
    return jdbcUrl("postgres");
  }

  public int port() {
    return port;
  }

  /** The server's temporary directory (cluster, socket, log); deleted by {@link #close()}. */
  public Path directory() {
    return dir;
  }

  /** How long initdb and the start until the first accepted connection took. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Creates a database; its name must be a plain lower-case identifier. */
  public void createDatabase(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    psql("postgres", "CREATE DATABASE " + name);
  }

  /**
   * Runs SQL with {@code psql} (unaligned, tuples only) and returns its output.
   *
   * @throws IllegalStateException when psql fails
   */
  public String psql(String database, String sql) {
    return run(
        Duration.ofSeconds(30),
        bin.resolve("psql").toString(),
        "-X",
        "-q",
        "-A",
        "-t",
        "-v",
        "ON_ERROR_STOP=1",
        "-h",
        "127.0.0.1",
        "-p",
        Integer.toString(port),
        "-U",
        USER,
        "-d",
        database,
        "-c",
        sql);
  }

  /**
   * Stops the server with a fast shutdown (SIGINT through {@code pg_ctl}) and deletes its files.
   */
  @Override
  public void close() {
    process.stop();
    ServerProcess.deleteQuietly(dir);
  }

  private void pgCtlStop() {
    try {
      run(
          Duration.ofSeconds(30),
          bin.resolve("pg_ctl").toString(),
          "stop",
          "-D",
          data.toString(),
          "-m",
          "fast",
          "-w");
    } catch (RuntimeException e) {
      logger.warn("pg_ctl stop failed, killing postgres: {}", e.getMessage());
    }
  }

  /**
   * As root, prefixes {@code runuser -u postgres --}: postgres and initdb refuse to run as root.
   */
  private List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    if (asPostgresUser) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(Arrays.asList(args));
    return cmd;
  }

  private String run(Duration limit, String... args) {
    try {
      Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
      // Output is small (a psql result, initdb's chatter); read it before waiting.
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(args[0] + " did not finish within " + limit);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", args) + " failed with " + p.exitValue() + ":\n" + out);
      }
      return out.strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + args[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + args[0], e);
    }
  }

  private static Path binaries() {
    Optional<String> configured = ServerProcess.fromEnv("PG_BIN");
    if (configured.isPresent()) {
      return Path.of(configured.get());
    }
    Path root = Path.of("/usr/lib/postgresql");
    Optional<Path> newest = Optional.empty();
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        newest =
            versions
                .filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                .filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                .max(
                    Comparator.comparingDouble(v -> Double.parseDouble(v.getFileName().toString())))
                .map(v -> v.resolve("bin"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + root, e);
      }
    }
    return newest.orElseThrow(
        () ->
            new IllegalStateException(
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres, PG_BIN not"
                    + " set): the PostgreSQL tests need a real server — apt-get install"
                    + " postgresql, or scripts/install-test-servers.sh"));
  }

  private static void chownToPostgres(Path dir) throws IOException {
    UserPrincipal postgres;
    try {
      postgres =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
    } catch (IOException e) {
      throw new IllegalStateException(
          "running as root, PostgreSQL must run as the 'postgres' user, and there is none:"
              + " apt-get install postgresql creates it",
          e);
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Files.setOwner(dir, postgres);
  }
}
