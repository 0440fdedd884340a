package io.ravenwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The snmpd launcher, checked with net-snmp's own snmpget. */
class SnmpdServerIT {

  private static String snmpget(String address, String community, String oid)
      throws IOException, InterruptedException {
    var pb =
        new ProcessBuilder(
                "snmpget", "-v2c", "-c", community, "-On", "-t", "1", "-r", "0", address, oid)
            .redirectErrorStream(true);
    pb.environment().put("MIBS", "");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  @Test
  void servesTheCommunityOnEveryListenAddress() throws Exception {
    try (var snmpd =
        SnmpdServer.builder()
            .community("public")
            .listenAddresses(List.of("127.1.0.1", "127.1.0.2", "127.1.0.3"))
            .start()) {
      assertThat(snmpd.addresses()).hasSize(3);
      for (var address : snmpd.addresses()) {
        String out =
            snmpget(
                "udp:" + address.getHostString() + ":" + snmpd.port(),
                "public",
                ".1.3.6.1.2.1.1.3.0");
        assertThat(out).as("snmpget on " + address).contains("Timeticks");
      }
    }
  }

  @Test
  void servesDskTableRowsForDiskLines() throws Exception {
    try (var snmpd = SnmpdServer.builder().community("public").disk("/").start()) {
      String out =
          snmpget(
              "udp:" + snmpd.host() + ":" + snmpd.port(), "public", ".1.3.6.1.4.1.2021.9.1.2.1");

      assertThat(out).contains("STRING: \"/\"");
    }
  }

  @Test
  void stopsTheAgentAndDeletesItsDirectoryOnClose() throws Exception {
    var snmpd = SnmpdServer.builder().community("public").start();
    var dir = snmpd.directory();
    String address = "udp:" + snmpd.host() + ":" + snmpd.port();

    snmpd.close();

    assertThat(dir).doesNotExist();
    assertThat(snmpget(address, "public", ".1.3.6.1.2.1.1.3.0")).doesNotContain("Timeticks");
  }
}
