package io.ravenwatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated BMC for tests: OpenIPMI's {@code ipmi_sim} speaking IPMI-over-LAN (RMCP+) on a free
 * loopback UDP port, in a temporary directory, with one admin user. Chassis power commands run a
 * script that appends each action ({@code set power 0}, {@code get power}, …) to {@link
 * #powerActions()}, so a test sees what a fencing step did to the "machine".
 *
 * <pre>{@code
 * try (IpmiSimServer bmc = IpmiSimServer.launch("admin", "s3cret")) {
 *   // ipmitool -I lanplus -C 3 -H 127.0.0.1 -p bmc.port() -U admin -E chassis power cycle
 *   assertThat(bmc.powerActions()).contains("set power 0");
 * }
 * }</pre>
 *
 * <p>The binary comes from {@code IPMI_SIM} or {@code PATH}; when there is none, launching fails
 * with a message saying how to install it. Ready when {@code ipmitool chassis power status}
 * answers.
 */
public final class IpmiSimServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(IpmiSimServer.class);
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final Path dir;
  private final int port;
  private final String user;
  private final String password;
  private final ServerProcess process;

  private IpmiSimServer(Path dir, int port, String user, String password) {
    this.dir = dir;
    this.port = port;
    this.user = user;
    this.password = password;
    this.process = new ServerProcess("ipmi_sim", dir.resolve("ipmi_sim.log"), GRACE);
  }

  /** Starts a BMC with one admin user; user and password must be plain words (no quotes). */
  public static IpmiSimServer launch(String user, String password) {
    if (!user.matches("\\w+") || !password.matches("\\w+")) {
      throw new IllegalArgumentException("user and password must be plain words");
    }
    String binary =
        ServerProcess.fromEnv("IPMI_SIM")
            .or(() -> ServerProcess.onPath("ipmi_sim"))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "ipmi_sim is not installed (not on PATH, IPMI_SIM not set): the IPMI tests"
                            + " need a simulated BMC — apt-get install openipmi ipmitool, or"
                            + " scripts/install-test-servers.sh"));
    return ServerProcess.inTempDirectory(
        "ravenwatch-ipmisim-",
        "ipmi_sim",
        dir -> {
          var server = new IpmiSimServer(dir, ServerProcess.freeUdpPort(), user, password);
          server.start(binary, ServerProcess.freeTcpPort());
          return server;
        });
  }

  private void start(String binary, int consolePort) throws IOException {
    long started = System.nanoTime();
    Path script = dir.resolve("chassis.sh");
    Files.writeString(
        script,
        """
        #!/bin/sh
        # ipmi_sim runs: chassis.sh 0x20 get|set PARAM [VALUE]...
        echo "$2 $3 $4" >> "%s"
        if [ "$2" = "get" ]; then
          shift 2
          for p in "$@"; do
            case "$p" in
              power) echo "power:1" ;;
              boot) echo "boot:none" ;;
            esac
          done
        fi
        exit 0
        """
            .formatted(actionsFile()));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createFile(actionsFile());
    Path lan = dir.resolve("lan.conf");
    Files.writeString(
        lan,
        """
        name "ravenwatch"
        set_working_mc 0x20
          startlan 1
            addr 127.0.0.1 %d
            priv_limit admin
            guid a123456789abcdefa123456789abcdef
          endlan
          console 127.0.0.1 %d
          chassis_control "%s 0x20"
          user 2 true "%s" "%s" admin 10 none md2 md5 straight
        """
            .formatted(port, consolePort, script, user, password));
    Path emu = dir.resolve("sim.emu");
    Files.writeString(
        emu,
        """
        mc_setbmc 0x20
        mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr
        sensor_add 0x20 0 1 0x01 0x01
        sensor_set_value 0x20 0 1 0x60 0
        mc_enable 0x20
        """);
    Path state = Files.createDirectory(dir.resolve("state"));
    process.start(
        new ProcessBuilder(
            binary, "-c", lan.toString(), "-f", emu.toString(), "-s", state.toString(), "-n"),
        "cannot run " + binary);
    Duration took =
        process.awaitReady(
            started, STARTUP_LIMIT, POLL, this::answers, () -> "answer chassis power status");
    // The readiness check itself asked for the power state: start with a clean record.
    Files.writeString(actionsFile(), "");
    logger.info("ipmi_sim ready at udp 127.0.0.1:{} in {} ms", port, took.toMillis());
  }

  private boolean answers() throws IOException, InterruptedException {
    var pb =
        new ProcessBuilder(
                "ipmitool",
                "-I",
                "lanplus",
                "-C",
                "3",
                "-N",
                "1",
                "-R",
                "1",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-U",
                user,
                "-E",
                "chassis",
                "power",
                "status")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("IPMI_PASSWORD", password);
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return false;
    }
    return p.exitValue() == 0;
  }

  /** The UDP port of the BMC's LAN interface. */
  public int port() {
    return port;
  }

  private Path actionsFile() {
    return dir.resolve("power-actions.log");
  }

  /** What the chassis script was asked to do so far, one line each, e.g. {@code set power 0}. */
  public List<String> powerActions() {
    try {
      return Files.readAllLines(actionsFile()).stream().map(String::strip).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.stop();
    ServerProcess.deleteQuietly(dir);
  }
}
