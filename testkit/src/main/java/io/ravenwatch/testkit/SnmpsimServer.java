package io.ravenwatch.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real snmpsim 0.4.5 agent ({@code snmpsimd}) on a free loopback UDP port, serving {@code
 * .snmprec} recordings from a temporary directory: each recording's community is its file name.
 *
 * <pre>{@code
 * try (var sim = SnmpsimServer.start(Map.of("idrac", "1.3.6.1.2.1.1.1.0|4|iDRAC9\n"))) {
 *   // v2c community "idrac" at sim.host():sim.port()
 * }
 * }</pre>
 *
 * <p>Runs as root here, so the agent drops to {@code nobody:nogroup}; the directory is made
 * readable and its cache directory writable for that user.
 */
public final class SnmpsimServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(SnmpsimServer.class);
  private static final Duration STARTUP = Duration.ofSeconds(20);
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final ServerProcess process;
  private final Path dir;
  private final int port;
  private Duration startup = Duration.ZERO;

  private SnmpsimServer(Path dir, int port) {
    this.process = new ServerProcess("snmpsimd", dir.resolve("snmpsimd.log"), GRACE);
    this.dir = dir;
    this.port = port;
  }

  /**
   * Starts snmpsimd with the given recordings and waits until it answers.
   *
   * @param recordings community → {@code .snmprec} content ({@code OID|TYPE|VALUE} lines)
   * @throws IllegalStateException when snmpsimd is missing or does not come up
   */
  public static SnmpsimServer start(Map<String, String> recordings) {
    String binary = findBinary();
    return ServerProcess.inTempDirectory(
        "snmpsim-",
        "snmpsimd",
        dir -> {
          Path data = Files.createDirectory(dir.resolve("data"));
          Path cache = Files.createDirectory(dir.resolve("cache"));
          for (Map.Entry<String, String> r : recordings.entrySet()) {
            Path file = data.resolve(r.getKey() + ".snmprec");
            Files.writeString(file, r.getValue(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
          }
          Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
          Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
          Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
          var server = new SnmpsimServer(dir, ServerProcess.freeUdpPort());
          server.run(binary, data, cache, recordings.keySet().iterator().next());
          return server;
        });
  }

  private void run(String binary, Path data, Path cache, String community) throws IOException {
    long t0 = System.nanoTime();
    process.start(
        new ProcessBuilder(
            binary,
            "--data-dir=" + data,
            "--cache-dir=" + cache,
            "--agent-udpv4-endpoint=127.0.0.1:" + port,
            "--process-user=nobody",
            "--process-group=nogroup"),
        "cannot run '" + binary + "': install snmpsim 0.4.5 (apt-get install snmpsim)");
    startup = awaitAnswer(t0, community);
    logger.info("snmpsimd ready on 127.0.0.1:{} in {} ms", port, startup.toMillis());
  }

  /**
   * Starts snmpsimd with classpath resources; each file's name without {@code .snmprec} is its
   * community, e.g. {@code ipmi-recordings/dell-idrac.snmprec} → community {@code dell-idrac}.
   */
  public static SnmpsimServer startWithResources(String... resources) {
    var recordings = new LinkedHashMap<String, String>();
    for (String resource : resources) {
      String file = resource.substring(resource.lastIndexOf('/') + 1);
      String community = file.endsWith(".snmprec") ? file.substring(0, file.length() - 8) : file;
      recordings.put(community, readResource(resource));
    }
    return start(recordings);
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  /** How long snmpsimd took from process start to its first answer. */
  public Duration startupTime() {
    return startup;
  }

  /** Stops the agent and deletes its directory. */
  @Override
  public void close() {
    process.stop();
    ServerProcess.deleteQuietly(dir);
  }

  private Duration awaitAnswer(long startedNanos, String community) throws IOException {
    byte[] request = getRequest(community);
    try (var socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      socket.setSoTimeout(100);
      var target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
      byte[] buffer = new byte[4096];
      return process.awaitReady(
          startedNanos,
          STARTUP,
          Duration.ZERO, // the receive timeout paces the requests
          () -> {
            socket.send(new DatagramPacket(request, request.length, target));
            try {
              socket.receive(new DatagramPacket(buffer, buffer.length));
              return true;
            } catch (SocketTimeoutException e) {
              return false; // not listening yet (or still indexing its data): ask again
            }
          },
          () -> "answer on 127.0.0.1:" + port);
    }
  }

  /** A v2c GET of sysDescr.0, BER-encoded by hand so the testkit needs no SNMP library. */
  static byte[] getRequest(String community) {
    byte[] c = community.getBytes(StandardCharsets.US_ASCII);
    if (c.length > 90) {
      throw new IllegalArgumentException("community too long for the readiness probe");
    }
    byte[] varbind = {
      0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00, 0x05, 0x00
    };
    var pdu = new ByteArrayOutputStream();
    pdu.writeBytes(new byte[] {0x02, 0x01, 0x01, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00});
    pdu.write(0x30);
    pdu.write(varbind.length);
    pdu.writeBytes(varbind);
    var body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x01, 0x04, (byte) c.length});
    body.writeBytes(c);
    body.write(0xa0);
    body.write(pdu.size());
    body.writeBytes(pdu.toByteArray());
    var message = new ByteArrayOutputStream();
    message.write(0x30);
    message.write(body.size());
    message.writeBytes(body.toByteArray());
    return message.toByteArray();
  }

  private static String findBinary() {
    return ServerProcess.onPath("snmpsimd")
        .or(() -> ServerProcess.executable("/usr/bin/snmpsimd"))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "snmpsimd not found on the PATH: install snmpsim 0.4.5 (apt-get install snmpsim)"));
  }

  private static String readResource(String resource) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no such resource: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
