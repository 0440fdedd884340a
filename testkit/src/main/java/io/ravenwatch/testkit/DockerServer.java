package io.ravenwatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Docker Engine ({@code dockerd} from Debian's {@code docker.io}) in a temporary directory,
 * listening on its own unix socket, optionally a single-node Swarm manager on free loopback ports,
 * with one local image, {@value #IMAGE}, imported from {@code busybox-static} (no registry is
 * reachable here). Several can run side by side.
 *
 * <pre>{@code
 * try (var docker = DockerServer.launch(true)) {
 *   docker.cli("run", "-d", "--name", "web", DockerServer.IMAGE, "sleep", "600");
 *   DockerClient client = … docker.host() …;   // unix:///tmp/…/docker.sock, API 1.41
 * }
 * }</pre>
 *
 * <p>{@link #close()} leaves the swarm, removes every container, stops the daemon and what it
 * leaves behind (container shims, mounts) and deletes the directory.
 */
public final class DockerServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(DockerServer.class);

  /** The image every daemon has: busybox with {@code sh}, {@code sleep}, {@code httpd}, … */
  public static final String IMAGE = "ravenwatch-busybox:test";

  /** The highest API version of Debian's Docker 20.10. */
  public static final String API_VERSION = "1.41";

  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration GRACE = Duration.ofSeconds(15);
  private static final Duration CLI_LIMIT = Duration.ofSeconds(60);
  private static final List<String> APPLETS =
      List.of(
          "sh", "sleep", "httpd", "wget", "true", "false", "cat", "echo", "nc", "kill", "ls",
          "touch", "test", "rm", "ps");

  private final Path dir;
  private final Path socket;
  private final String docker;
  private final ServerProcess process;
  private boolean swarm;

  private DockerServer(Path dir, String docker) {
    this.dir = dir;
    this.socket = dir.resolve("docker.sock");
    this.docker = docker;
    this.process = new ServerProcess("dockerd", dir.resolve("dockerd.log"), GRACE);
  }

  /**
   * Starts a daemon, imports {@value #IMAGE}, and with {@code swarm} makes it a single-node Swarm
   * manager.
   *
   * @throws IllegalStateException when dockerd, docker or busybox is missing (saying what to
   *     install), or the daemon does not start
   */
  public static DockerServer launch(boolean swarm) {
    String dockerd =
        ServerProcess.fromEnv("DOCKERD")
            .or(() -> ServerProcess.executable("/usr/sbin/dockerd", "/usr/bin/dockerd"))
            .orElseThrow(() -> missing("dockerd"));
    String docker =
        ServerProcess.executable("/usr/bin/docker", "/usr/local/bin/docker")
            .orElseThrow(() -> missing("docker"));
    Path busybox =
        Stream.of("/bin/busybox", "/usr/bin/busybox")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "busybox not found: install busybox-static (scripts/install-test-servers.sh)"));
    // The socket path must stay under the 108 bytes of sun_path: a short prefix in /tmp.
    return ServerProcess.inTempDirectory(
        "rw-docker-",
        "dockerd",
        dir -> {
          var server = new DockerServer(dir, docker);
          try {
            server.start(dockerd);
            server.importImage(busybox);
            if (swarm) {
              server.initSwarm();
            }
          } catch (RuntimeException e) {
            server.close();
            throw e;
          }
          return server;
        });
  }

  private static IllegalStateException missing(String binary) {
    return new IllegalStateException(
        binary + " not found: install docker.io (scripts/install-test-servers.sh)");
  }

  private void start(String dockerd) throws IOException {
    long started = System.nanoTime();
    process.start(
        new ProcessBuilder(
            dockerd,
            "--data-root",
            dir.resolve("data").toString(),
            "--exec-root",
            dir.resolve("exec").toString(),
            "--pidfile",
            dir.resolve("dockerd.pid").toString(),
            "--host",
            host(),
            "--shutdown-timeout",
            "2"),
        "cannot run " + dockerd + ": install docker.io");
    Duration took =
        process.awaitReady(
            started,
            STARTUP_LIMIT,
            POLL,
            () -> Files.exists(socket) && run(List.of("version"), Duration.ofSeconds(5)).ok(),
            () -> "answer on " + socket);
    logger.info("dockerd ready at {} in {} ms", host(), took.toMillis());
  }

  private void importImage(Path busybox) throws IOException {
    Path root = dir.resolve("image-root");
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.copy(busybox, bin.resolve("busybox"));
    for (String applet : APPLETS) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    Files.createDirectories(root.resolve("tmp"));
    Files.createDirectories(root.resolve("www"));
    Path tar = dir.resolve("image.tar");
    check(List.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."), "tar", CLI_LIMIT);
    cli("import", tar.toString(), IMAGE);
  }

  private void initSwarm() throws IOException {
    String listen = "127.0.0.1:" + ServerProcess.freeTcpPort();
    // Each daemon needs its own ports: Swarm's defaults (2377, VXLAN 4789) are machine-wide.
    cli(
        "swarm",
        "init",
        "--advertise-addr",
        listen,
        "--listen-addr",
        listen,
        "--data-path-port",
        Integer.toString(dataPathPort()));
    swarm = true;
  }

  /**
   * A free UDP port in the range Swarm accepts for VXLAN (1024-49151; ephemeral ones are above).
   */
  private static int dataPathPort() throws IOException {
    for (int port = 20_000 + (int) (ProcessHandle.current().pid() % 20_000);
        port < 49_151;
        port += 7) {
      try (var s =
          new java.net.DatagramSocket(
              new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port))) {
        return s.getLocalPort();
      } catch (java.net.SocketException taken) {
        // try the next one
      }
    }
    throw new IOException("no free UDP port between 20000 and 49151 for Swarm's data path");
  }

  /** The daemon's address for clients: {@code unix:///…/docker.sock}. */
  public String host() {
    return "unix://" + socket;
  }

  /** The unix socket. */
  public Path socket() {
    return socket;
  }

  /** Whether this daemon is a Swarm manager. */
  public boolean swarm() {
    return swarm;
  }

  /**
   * Runs the docker CLI against this daemon with a fixed argument list (test set-up: creating
   * containers and services), failing with its output when it exits non-zero.
   *
   * @return its standard output, trimmed
   */
  public String cli(String... args) {
    var command = new ArrayList<String>();
    command.add(docker);
    command.addAll(List.of(args));
    return check(command, "docker " + String.join(" ", args), CLI_LIMIT);
  }

  private String check(List<String> command, String what, Duration limit) {
    Result r = runCommand(command, limit);
    if (!r.ok()) {
      throw new IllegalStateException(what + " failed (exit " + r.exit + "): " + r.output);
    }
    return r.output.trim();
  }

  private Result run(List<String> args, Duration limit) {
    var command = new ArrayList<String>();
    command.add(docker);
    command.addAll(args);
    return runCommand(command, limit);
  }

  private Result runCommand(List<String> command, Duration limit) {
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DOCKER_HOST", host());
    try {
      Process p = builder.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out after " + limit);
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command.get(0), e);
    }
  }

  private record Result(int exit, String output) {
    boolean ok() {
      return exit == 0;
    }
  }

  /** The daemon's log, for failure messages. */
  public String logTail() {
    return process.logTail();
  }

  @Override
  public void close() {
    if (process.alive()) {
      if (swarm) {
        run(List.of("swarm", "leave", "--force"), CLI_LIMIT);
      }
      String ids = run(List.of("ps", "-aq"), CLI_LIMIT).output.trim();
      if (!ids.isEmpty()) {
        var rm = new ArrayList<>(List.of("rm", "-f"));
        rm.addAll(List.of(ids.split("\\s+")));
        run(rm, CLI_LIMIT);
      }
    }
    process.stop();
    killShims();
    unmountAll();
    ServerProcess.deleteQuietly(dir);
  }

  // containerd's shims outlive dockerd when a container did not stop in time.
  private void killShims() {
    String marker = dir.toString();
    ProcessHandle.allProcesses()
        .filter(
            p -> p.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false))
        .forEach(ProcessHandle::destroyForcibly);
  }

  // Overlay mounts and network namespaces under the directory would make it undeletable.
  private void unmountAll() {
    try {
      List<String> mounts =
          Files.readAllLines(Path.of("/proc/self/mounts")).stream()
              .map(line -> line.split(" ")[1])
              .filter(m -> m.startsWith(dir.toString()))
              .sorted(Comparator.reverseOrder())
              .toList();
      for (String mount : mounts) {
        runCommand(List.of("umount", "-l", mount), Duration.ofSeconds(10));
      }
    } catch (IOException e) {
      logger.warn("cannot read the mounts under {}: {}", dir, e.toString());
    }
  }
}
