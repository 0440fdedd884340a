package io.ravenwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnmpsimServerIT {

  @Test
  void servesTheRecordingUnderItsCommunityUntilClosed() throws Exception {
    int port;
    try (var sim = SnmpsimServer.start(Map.of("bmc", "1.3.6.1.2.1.1.1.0|4|iDRAC9 test agent\n"))) {
      port = sim.port();
      assertThat(get(port, "bmc")).contains("iDRAC9 test agent");
    }
    assertThatThrownBy(() -> get(port, "bmc")).isInstanceOf(SocketTimeoutException.class);
  }

  private static String get(int port, String community) throws Exception {
    try (var socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      socket.setSoTimeout(500);
      byte[] request = SnmpsimServer.getRequest(community);
      socket.send(
          new DatagramPacket(
              request,
              request.length,
              new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
      var answer = new DatagramPacket(new byte[4096], 4096);
      socket.receive(answer);
      return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.ISO_8859_1);
    }
  }
}
