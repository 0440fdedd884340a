package io.ravenwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared launcher steps, with {@code /bin/sh} standing in for a server. */
class ServerProcessTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(20);

  @TempDir Path dir;

  /** Whether the process whose pid the script wrote to {@code pidFile} still runs. */
  private static boolean running(Path pidFile) throws IOException {
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static boolean written(Path file) throws IOException {
    return Files.exists(file) && !Files.readString(file).isBlank();
  }

  private ServerProcess sh(String script) {
    var process = new ServerProcess("fake", dir.resolve("fake.log"), Duration.ofMillis(500));
    return process.start(new ProcessBuilder("/bin/sh", "-c", script), "cannot run /bin/sh");
  }

  @Test
  void reportsReadinessWithTheTimeItTook() {
    Path marker = dir.resolve("up");
    long started = System.nanoTime();
    ServerProcess process = sh("touch '" + marker + "'; exec sleep 30");

    Duration took =
        process.awaitReady(started, LIMIT, POLL, () -> Files.exists(marker), () -> "come up");

    assertThat(took).isPositive().isLessThan(LIMIT);
    assertThat(process.alive()).isTrue();
    process.stop();
    assertThat(process.alive()).isFalse();
  }

  @Test
  void failsWithTheExitCodeAndLogTailWhenTheServerExitsAtStartup() {
    ServerProcess process = sh("echo 'bind: address already in use'; exit 3");

    assertThatThrownBy(
            () -> process.awaitReady(System.nanoTime(), LIMIT, POLL, () -> false, () -> "come up"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("fake exited with 3 at startup:\nbind: address already in use");
  }

  @Test
  void stopsTheServerAndShowsTheLogTailWhenItIsNotReadyInTime() throws IOException {
    Path pid = dir.resolve("pid");
    ServerProcess process = sh("echo starting; echo $$ > '" + pid + "'; exec sleep 30");
    await().until(() -> written(pid));

    assertThatThrownBy(
            () ->
                process.awaitReady(
                    System.nanoTime(), Duration.ofMillis(300), POLL, () -> false, () -> "come up"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("fake did not come up within PT0.3S:\nstarting");
    assertThat(running(pid)).isFalse();
  }

  @Test
  void stopsTheServerWhenTheReadinessCheckFails() throws IOException {
    Path pid = dir.resolve("pid");
    ServerProcess process = sh("echo $$ > '" + pid + "'; exec sleep 30");

    assertThatThrownBy(
            () ->
                process.awaitReady(
                    System.nanoTime(),
                    LIMIT,
                    POLL,
                    () -> {
                      if (written(pid)) {
                        throw new IOException("no route");
                      }
                      return false;
                    },
                    () -> "come up"))
        .hasMessage("cannot check whether fake is ready")
        .hasRootCauseMessage("no route");
    assertThat(running(pid)).isFalse();
  }

  @Test
  void killsAServerThatIgnoresTheGracefulStop() throws IOException {
    Path pid = dir.resolve("pid");
    // The shell ignores SIGTERM (and so does its sleep); only SIGKILL after the grace ends it.
    ServerProcess process = sh("trap '' TERM; echo $$ > '" + pid + "'; sleep 30; sleep 30");
    process.awaitReady(System.nanoTime(), LIMIT, POLL, () -> written(pid), () -> "trap");
    assertThat(running(pid)).isTrue();

    process.stop();

    assertThat(running(pid)).isFalse();
  }

  @Test
  void stopsWithTheGivenGracefulStop() {
    var stopped = new AtomicReference<String>();
    var process = new ServerProcess("fake", dir.resolve("fake.log"), Duration.ofMillis(500));
    process
        .stoppedBy(() -> stopped.set("own stop command"))
        .start(new ProcessBuilder("/bin/sh", "-c", "exec sleep 30"), "cannot run /bin/sh");

    process.stop();

    assertThat(stopped).hasValue("own stop command");
    assertThat(process.alive()).isFalse();
  }

  @Test
  void failsWithTheInstallHintWhenTheBinaryCannotRun() {
    var process = new ServerProcess("fake", dir.resolve("fake.log"), Duration.ofMillis(500));

    assertThatThrownBy(
            () ->
                process.start(
                    new ProcessBuilder(dir.resolve("no-such-server").toString()),
                    "cannot run 'no-such-server': apt-get install no-such-server"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot run 'no-such-server': apt-get install no-such-server");
  }

  @Test
  void deletesTheTemporaryDirectoryWhenTheLaunchFails() {
    var created = new AtomicReference<Path>();

    assertThatThrownBy(
            () ->
                ServerProcess.inTempDirectory(
                    "ravenwatch-test-",
                    "fake",
                    d -> {
                      created.set(d);
                      Files.writeString(d.resolve("fake.conf"), "port = 1");
                      throw new IOException("disk full");
                    }))
        .hasMessage("cannot prepare fake in " + created.get())
        .hasRootCauseMessage("disk full");
    assertThat(created.get()).doesNotExist();
  }

  @Test
  void keepsTheTemporaryDirectoryOfALaunchThatWorked() {
    Path launched = ServerProcess.inTempDirectory("ravenwatch-test-", "fake", d -> d);
    try {
      assertThat(launched).isDirectory();
    } finally {
      ServerProcess.deleteQuietly(launched);
    }
    assertThat(launched).doesNotExist();
  }

  @Test
  void showsOnlyTheLastThirtyLinesOfTheLog() throws IOException {
    Path log = dir.resolve("long.log");
    var lines = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      lines.append("line ").append(i).append('\n');
    }
    Files.writeString(log, lines);

    String tail = ServerProcess.logTail(log);

    assertThat(tail.lines()).hasSize(30).startsWith("line 11").endsWith("line 40");
  }
}
