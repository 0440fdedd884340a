package io.ravenwatch.bot.command.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.command.CommandFixture;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProbeCommandTest {
  private final ServerSocket listening;
  private final int closedPort;
  private final CommandFixture fx;

  ProbeCommandTest() throws Exception {
    listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    try (var s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    fx =
        new CommandFixture(
            """
            hosts:
              app1:
                address: 127.0.0.1
                probes:
                  - {type: net_response, name: api, port: %d}
                  - {type: net_response, name: admin, port: %d}
                  - {type: disk, paths: [/]}
            """
                .formatted(listening.getLocalPort(), closedPort));
  }

  @AfterEach
  void close() throws Exception {
    fx.close();
    listening.close();
  }

  @Test
  @DisplayName("'/probe app1' runs its probes now and shows each result with its key fields")
  void runsProbesNow() throws Exception {
    var command = new ProbeCommand(fx.context);
    assertThat(command.spec().slow()).isTrue();

    ChatMessage message = fx.run(command, "", Map.of("target", "app1")).only();

    ChatMessage.Embed embed = message.embeds().getFirst();
    assertThat(embed.title()).isEqualTo("app1: 1 of 3 probes failed");
    assertThat(embed.color()).isEqualTo(Format.RED);
    assertThat(embed.fields()).hasSize(3);
    assertThat(embed.fields().get(0).name()).startsWith("✅ api (net_response) · ");
    assertThat(embed.fields().get(0).value())
        .contains("net_response{port=" + listening.getLocalPort(), "result_code=0");
    assertThat(embed.fields().get(1).name()).startsWith("❌ admin (net_response) · ");
    assertThat(embed.fields().get(1).value()).contains("result_code=2");
    assertThat(embed.fields().get(2).name()).startsWith("✅ disk · ");
    assertThat(embed.fields().get(2).value()).contains("disk{", "path=/", "used_percent=");
    assertThat(Limits.fits(message)).isTrue();
  }

  @Test
  @DisplayName("an unknown target is refused")
  void unknownTarget() {
    assertThatThrownBy(() -> fx.run(new ProbeCommand(fx.context), "", Map.of("target", "app9")))
        .isInstanceOf(CommandException.class)
        .hasMessage("No target is named `app9`.");
  }

  @Test
  @DisplayName("90 probe results with long reasons still fit Discord's limits")
  void manyResultsFit() {
    var results = new ArrayList<ProbeResult>();
    for (int i = 0; i < 90; i++) {
      Point p =
          Point.builder("disk", Instant.EPOCH)
              .tag("path", "/very/long/mount/point/number/" + i)
              .field("used_percent", 42.0)
              .field("free", 1L << 40)
              .build();
      results.add(
          new ProbeResult(
              "app1",
              "probe" + i,
              "disk",
              Instant.EPOCH,
              Duration.ofMillis(5),
              ProbeResult.Status.FAILED,
              "x".repeat(900),
              List.of(p, p, p, p)));
    }
    ChatMessage message = new ProbeCommand(fx.context).render(fx.target("app1"), results);
    assertThat(Limits.fits(message)).isTrue();
    assertThat(message.embeds()).hasSize(Limits.EMBEDS);
    assertThat(message.embeds().getLast().footer()).isEqualTo("+10 more probes");
  }

  @Test
  @DisplayName("target completion comes from the inventory")
  void completion() {
    assertThat(new ProbeCommand(fx.context).complete("target", "ap")).containsExactly("app1");
  }
}
