package io.ravenwatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every launcher of a real server in this package does the same way: its process, started with
 * stdout and stderr appended to a log file, awaited until ready within a deadline (failing with the
 * log's tail), and stopped gracefully, then forcibly, after a grace period each. The static helpers
 * cover what comes before: a free loopback port, a temporary directory that is deleted again when
 * the launch fails, and the binary.
 *
 * <pre>{@code
 * var influxd = new ServerProcess("influxd", dir.resolve("influxd.log"), Duration.ofSeconds(10));
 * long started = System.nanoTime();
 * influxd.start(new ProcessBuilder(binary, "-config", conf), "cannot run '" + binary + "': …");
 * influxd.awaitReady(started, LIMIT, POLL, httpStatus(http, ping, 204), () -> "answer /ping");
 * influxd.stop();
 * }</pre>
 */
final class ServerProcess {
  private static final Logger logger = LoggerFactory.getLogger(ServerProcess.class);
  private static final int LOG_TAIL_LINES = 30;

  /** Whether a starting server answers yet; an {@link IOException} means the check failed. */
  @FunctionalInterface
  interface Readiness {
    boolean ready() throws IOException, InterruptedException;
  }

  /** The part of a launch that runs in a fresh temporary directory. */
  @FunctionalInterface
  interface InDirectory<T> {
    T launch(Path dir) throws IOException;
  }

  private final String name;
  private final Path output;
  private final Duration grace;
  private final List<Path> logs = new ArrayList<>();
  private Runnable graceful;
  private volatile Process process;

  /**
   * @param name the server's name in messages, e.g. {@code influxd}
   * @param output where the process's stdout and stderr are appended
   * @param grace how long to wait for the process to exit after the graceful stop, and again after
   *     the forcible one
   */
  ServerProcess(String name, Path output, Duration grace) {
    this.name = name;
    this.output = output;
    this.grace = grace;
    this.logs.add(output);
    this.graceful = () -> process.destroy();
  }

  /** Stops gracefully with {@code stop} (e.g. the server's own stop command) instead of SIGTERM. */
  ServerProcess stoppedBy(Runnable stop) {
    this.graceful = stop;
    return this;
  }

  /** A log the server writes itself, shown too when it fails to start. */
  ServerProcess alsoLoggingTo(Path log) {
    logs.add(log);
    return this;
  }

  /**
   * Starts (or, after {@link #stop()}, starts again) the process.
   *
   * @param cannotRun the message when the binary cannot be run, saying how to install it
   */
  ServerProcess start(ProcessBuilder command, String cannotRun) {
    try {
      process =
          command
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(cannotRun, e);
    }
    return this;
  }

  /**
   * Polls {@code ready} every {@code pause} until it says yes, or fails: when the process exits,
   * when {@code limit} has passed since {@code startedNanos}, or when the check fails. A failure
   * stops the process and says "NAME did not AWAITED within LIMIT" (or how it exited), with the
   * log's tail.
   *
   * @param pause between checks; zero when the check waits itself (a socket timeout)
   * @return the time from {@code startedNanos} until ready
   */
  Duration awaitReady(
      long startedNanos,
      Duration limit,
      Duration pause,
      Readiness ready,
      Supplier<String> awaited) {
    Process p = process;
    try {
      while (System.nanoTime() - startedNanos < limit.toNanos()) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              name + " exited with " + p.exitValue() + " at startup:\n" + logTail());
        }
        if (ready.ready()) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
        if (pause.isPositive()) {
          Thread.sleep(pause); // polling a child process: there is nothing to be notified by
        }
      }
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException("cannot check whether " + name + " is ready", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    stop();
    throw new IllegalStateException(
        name + " did not " + awaited.get() + " within " + limit + ":\n" + logTail());
  }

  /** Ready when a GET of {@code uri} (1 s timeout) answers {@code status}. */
  static Readiness httpStatus(HttpClient http, URI uri, int status) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).GET().build();
    return () -> {
      try {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == status;
      } catch (IOException notYet) {
        return false; // not listening yet
      }
    };
  }

  boolean alive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /**
   * Stops the process, if started: the graceful stop, then after the grace period SIGKILL to it and
   * its descendants. Does nothing when it is not running.
   */
  synchronized void stop() {
    Process p = process;
    if (p == null) {
      return;
    }
    if (p.isAlive()) {
      graceful.run();
    }
    try {
      if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(p);
        p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(p);
    }
    process = null;
  }

  /** The last lines of the log(s), for failure messages. */
  String logTail() {
    var tails = new ArrayList<String>();
    for (Path log : logs) {
      tails.add(logTail(log));
    }
    return String.join("\n", tails);
  }

  /** The last lines of {@code log}, or why there are none. */
  static String logTail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void kill(Process p) {
    // As root, PostgreSQL runs under runuser: the server is a child of the process we started.
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  /** A TCP port free on the loopback address right now. */
  static int freeTcpPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A UDP port free on the loopback address right now. */
  static int freeUdpPort() throws IOException {
    try (var s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return s.getLocalPort();
    }
  }

  /**
   * Runs {@code launch} in a new temporary directory, and deletes the directory again when it
   * throws; an {@link IOException} becomes "cannot prepare WHAT in DIR".
   */
  static <T> T inTempDirectory(String prefix, String what, InDirectory<T> launch) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory(prefix);
      return launch.launch(dir);
    } catch (IOException e) {
      deleteQuietly(dir);
      throw new UncheckedIOException("cannot prepare " + what + " in " + dir, e);
    } catch (RuntimeException e) {
      deleteQuietly(dir);
      throw e;
    }
  }

  /** Deletes a directory tree; logs what it cannot delete instead of throwing. */
  static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      logger.warn("could not delete {}: {}", dir, e.toString());
    }
  }

  /** The value of an environment variable naming a binary, unless unset or blank. */
  static Optional<String> fromEnv(String variable) {
    String configured = System.getenv(variable);
    return configured == null || configured.isBlank() ? Optional.empty() : Optional.of(configured);
  }

  /** The first of these paths that is an executable file. */
  static Optional<String> executable(String... paths) {
    return Stream.of(paths).filter(p -> Files.isExecutable(Path.of(p))).findFirst();
  }

  /**
   * The first executable of these names in the first {@code PATH} directory that has one, as a
   * shell finds it (an empty entry is the current directory).
   */
  static Optional<String> onPath(String... names) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String entry : path.split(":")) {
      for (String name : names) {
        Path candidate = Path.of(entry.isEmpty() ? "." : entry, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate.toString());
        }
      }
    }
    return Optional.empty();
  }
}
