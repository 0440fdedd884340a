package io.ravenwatch.probes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ListenAddressTest {

  @Test
  void readsHostAndPortIncludingIpv6AndEveryInterface() {
    assertThat(ListenAddress.parse("127.0.0.1:9188"))
        .isEqualTo(new InetSocketAddress("127.0.0.1", 9188));
    assertThat(ListenAddress.parse("[::1]:9188").getAddress().getHostAddress()).contains(":");
    assertThat(ListenAddress.parse("*:9188").getAddress().isAnyLocalAddress()).isTrue();
    assertThat(ListenAddress.parse(":0").getPort()).isZero();
  }

  @Test
  void refusesWhatIsNotHostColonPort() {
    assertThatThrownBy(() -> ListenAddress.parse("9188")).hasMessageContaining("no port");
    assertThatThrownBy(() -> ListenAddress.parse("h:x")).hasMessageContaining("bad port");
    assertThatThrownBy(() -> ListenAddress.parse("h:70000")).hasMessageContaining("out of range");
  }

  @Test
  void bracketsIpv6InTheHttpUri() {
    assertThat(ListenAddress.httpUri(new InetSocketAddress("::1", 80)).toString())
        .isEqualTo("http://[0:0:0:0:0:0:0:1]:80");
    assertThat(ListenAddress.httpUri(new InetSocketAddress("127.0.0.1", 80)).toString())
        .isEqualTo("http://127.0.0.1:80");
  }
}
