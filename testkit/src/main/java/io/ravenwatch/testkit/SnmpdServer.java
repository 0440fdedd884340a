package io.ravenwatch.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real net-snmp {@code snmpd} in the foreground, on free loopback UDP port(s), with its config,
 * log, pid file and persistent state in a temporary directory. It serves the machine's real
 * HOST-RESOURCES-MIB, UCD-SNMP-MIB and IF-MIB.
 *
 * <pre>{@code
 * try (SnmpdServer snmpd = SnmpdServer.builder()
 *     .community("public")
 *     .v3User("alice", SnmpdServer.Auth.SHA_256, "authpass1", "privpass1")
 *     .disk("/")
 *     .start()) {
 *   poll(snmpd.host(), snmpd.port());
 * }
 * }</pre>
 *
 * <p>Several listen addresses (e.g. {@code 127.1.0.1 … 127.1.0.200}, one simulated target each) go
 * on the command line, not in {@code agentAddress} lines: snmpd joins those into one fixed buffer
 * and silently drops what does not fit. Note that {@code hrProcessorLoad} only answers once the
 * agent has run for about a minute.
 */
public final class SnmpdServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(SnmpdServer.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration GRACE = Duration.ofSeconds(5);

  /** v3 authentication protocols as snmpd's {@code createUser} spells them. */
  public enum Auth {
    SHA("SHA"),
    SHA_256("SHA-256"),
    SHA_512("SHA-512");

    private final String keyword;

    Auth(String keyword) {
      this.keyword = keyword;
    }
  }

  private final ServerProcess process;
  private final Path dir;
  private final int port;
  private final List<InetSocketAddress> addresses;

  private SnmpdServer(Path dir, int port, List<InetSocketAddress> addresses) {
    // snmpd writes its log itself (-Lf, truncating the file); stdout and stderr go elsewhere.
    this.process =
        new ServerProcess("snmpd", dir.resolve("snmpd.out"), GRACE)
            .alsoLoggingTo(dir.resolve("snmpd.log"));
    this.dir = dir;
    this.port = port;
    this.addresses = List.copyOf(addresses);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The first listen address, e.g. {@code 127.0.0.1}. */
  public String host() {
    return addresses.getFirst().getHostString();
  }

  /** The UDP port every listen address uses. */
  public int port() {
    return port;
  }

  /** Every address the agent listens on, in the order given. */
  public List<InetSocketAddress> addresses() {
    return addresses;
  }

  /** The temporary directory with the agent's config, log, pid file and state. */
  public Path directory() {
    return dir;
  }

  /** The agent's log so far, for failure messages. */
  public String log() {
    return readLog(dir);
  }

  /** Stops the agent and deletes its directory. */
  @Override
  public void close() {
    process.stop();
    ServerProcess.deleteQuietly(dir);
  }

  /** Options of the agent to start. */
  public static final class Builder {
    private final List<String> lines = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();

    private Builder() {}

    /** A read-only v1/v2c community, for requests from loopback. */
    public Builder community(String community) {
      lines.add("rocommunity " + community + " 127.0.0.0/8");
      return this;
    }

    /** A v3 user with authPriv (AES-128 privacy); passphrases need at least 8 characters. */
    public Builder v3User(String name, Auth auth, String authPass, String privPass) {
      lines.add(
          "createUser "
              + name
              + " "
              + auth.keyword
              + " \""
              + authPass
              + "\" AES \""
              + privPass
              + "\"");
      lines.add("rouser " + name + " priv");
      return this;
    }

    /** A {@code disk PATH} line: the path gets a row in UCD-SNMP-MIB's dskTable. */
    public Builder disk(String path) {
      lines.add("disk " + path);
      return this;
    }

    /** Any other snmpd.conf line. */
    public Builder configLine(String line) {
      lines.add(line);
      return this;
    }

    /**
     * The loopback IPs to listen on, all on one port (default: just {@code 127.0.0.1}). Every
     * {@code 127.x.y.z} address works on Linux without configuration.
     */
    public Builder listenAddresses(List<String> ips) {
      hosts.clear();
      hosts.addAll(ips);
      return this;
    }

    /** Starts snmpd and waits until every listen address answers a GET. */
    public SnmpdServer start() {
      String binary = findSnmpd();
      List<String> ips = hosts.isEmpty() ? List.of("127.0.0.1") : List.copyOf(hosts);
      String readiness = "ready" + UUID.randomUUID().toString().substring(0, 8);
      return ServerProcess.inTempDirectory(
          "snmpd-",
          "snmpd",
          dir -> {
            int port = freeUdpPort(ips);
            var conf = new ArrayList<String>();
            conf.add("dontLogTCPWrappersConnects yes");
            conf.add("rocommunity " + readiness + " 127.0.0.0/8");
            conf.addAll(lines);
            Files.write(dir.resolve("snmpd.conf"), conf);
            var addresses = new ArrayList<InetSocketAddress>();
            for (String ip : ips) {
              addresses.add(new InetSocketAddress(InetAddress.getByName(ip), port));
            }
            var server = new SnmpdServer(dir, port, addresses);
            server.run(binary, ips, readiness);
            logger.info("snmpd started on {} address(es), port {}, in {}", ips.size(), port, dir);
            return server;
          });
    }
  }

  private void run(String binary, List<String> ips, String readiness) throws IOException {
    var command = new ArrayList<String>();
    command.addAll(
        List.of(
            binary,
            "-f",
            "-Lf",
            dir.resolve("snmpd.log").toString(),
            "-C",
            "-c",
            dir.resolve("snmpd.conf").toString(),
            "-p",
            dir.resolve("snmpd.pid").toString()));
    for (String ip : ips) {
      command.add("udp:" + ip + ":" + port);
    }
    var pb = new ProcessBuilder(command);
    pb.environment().put("SNMP_PERSISTENT_DIR", dir.resolve("persist").toString());
    // No MIB files are installed; without this snmpd logs hundreds of lines about them.
    pb.environment().put("MIBS", "");
    long started = System.nanoTime();
    process.start(
        pb, "cannot run '" + binary + "': run 'apt-get install snmpd snmp' to run SNMP tests");
    awaitReady(started, readiness);
  }

  private static String findSnmpd() {
    return ServerProcess.executable("/usr/sbin/snmpd", "/usr/local/sbin/snmpd", "/usr/bin/snmpd")
        .or(() -> ServerProcess.onPath("snmpd"))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "snmpd (net-snmp) is not installed: run 'apt-get install snmpd snmp' to run"
                        + " SNMP tests"));
  }

  private static int freeUdpPort(List<String> ips) throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      int port;
      try (var s =
          new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ips.get(0)), 0))) {
        port = s.getLocalPort();
      }
      if (freeOnAll(ips, port)) {
        return port;
      }
    }
    throw new IOException("no UDP port free on all of " + ips.size() + " addresses");
  }

  private static boolean freeOnAll(List<String> ips, int port) throws IOException {
    for (String ip : ips) {
      try (var s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ip), port))) {
        // bound, so free
      } catch (SocketException e) {
        return false;
      }
    }
    return true;
  }

  /** Waits until every listen address has answered a GET, one after the other. */
  private void awaitReady(long startedNanos, String community) throws IOException {
    byte[] request = getSysUpTime(community);
    var waiting = new ArrayDeque<>(addresses);
    try (var socket = new DatagramSocket()) {
      socket.setSoTimeout(100);
      var buffer = new byte[1500];
      process.awaitReady(
          startedNanos,
          START_TIMEOUT,
          Duration.ZERO, // the receive timeout paces the requests
          () -> {
            socket.send(new DatagramPacket(request, request.length, waiting.getFirst()));
            try {
              var reply = new DatagramPacket(buffer, buffer.length);
              socket.receive(reply);
              if (reply.getLength() > 0 && buffer[0] == 0x30) {
                waiting.removeFirst();
              }
            } catch (SocketTimeoutException e) {
              // not up yet: ask again
            }
            return waiting.isEmpty();
          },
          () -> "answer on " + waiting.getFirst());
    }
  }

  /** A v2c GET of sysUpTime.0, BER-encoded by hand so the testkit needs no SNMP library. */
  private static byte[] getSysUpTime(String community) {
    byte[] oid = {0x2b, 6, 1, 2, 1, 1, 3, 0};
    byte[] varbind = tlv(0x30, concat(tlv(0x06, oid), new byte[] {0x05, 0x00}));
    byte[] pdu =
        tlv(
            0xa0,
            concat(
                tlv(0x02, new byte[] {0x01}),
                tlv(0x02, new byte[] {0x00}),
                tlv(0x02, new byte[] {0x00}),
                tlv(0x30, varbind)));
    return tlv(
        0x30,
        concat(
            tlv(0x02, new byte[] {0x01}),
            tlv(0x04, community.getBytes(StandardCharsets.US_ASCII)),
            pdu));
  }

  private static byte[] tlv(int tag, byte[] value) {
    if (value.length > 127) {
      throw new IllegalArgumentException("readiness request too long");
    }
    return concat(new byte[] {(byte) tag, (byte) value.length}, value);
  }

  private static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static String readLog(Path dir) {
    var sb = new StringBuilder();
    for (String name : List.of("snmpd.log", "snmpd.out")) {
      try {
        Path p = dir.resolve(name);
        if (Files.exists(p)) {
          sb.append(Files.readString(p));
        }
      } catch (IOException e) {
        sb.append("(cannot read ").append(name).append(": ").append(e.getMessage()).append(")\n");
      }
    }
    return sb.toString();
  }
}
