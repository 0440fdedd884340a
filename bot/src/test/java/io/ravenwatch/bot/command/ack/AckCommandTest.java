package io.ravenwatch.bot.command.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.ack.Ack;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.bot.chat.Caller;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.Command.Suggestion;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.command.CommandFixture;
import io.ravenwatch.bot.command.RecordingReply;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AckCommandTest {
  private static final String YAML =
      """
      hosts:
        web1: {address: 127.0.0.1, region: eu-west, probes: [{type: ping}]}
        db1: {address: 127.0.0.2, region: eu-west, probes: [{type: ping}]}
      """;

  private final CommandFixture fx = new CommandFixture(YAML);
  private final AckCommand ack = new AckCommand(fx.context);

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  @DisplayName(
      "'/ack <fingerprint> note' acknowledges the alert in the engine and says who acked what")
  void acksByFingerprint() throws Exception {
    String fp = fx.fire("host_down", Severity.CRITICAL, "db1", "db1 is down");

    ChatMessage.Embed embed = fx.run(ack, "", Map.of("alert", fp, "note", "rebooting it")).embed();

    assertThat(embed.title()).isEqualTo("alice acknowledged an alert");
    assertThat(embed.description()).isEqualTo("> rebooting it\n\n✋ 🔴 db1 is down `" + fp + "`");
    assertThat(fx.engine.acks().list())
        .singleElement()
        .extracting(Ack::fingerprint, Ack::by, Ack::note)
        .containsExactly(fp, "alice", "rebooting it");
  }

  @Test
  @DisplayName("'/ack <group key>' acknowledges every active alert of the group")
  void acksGroup() throws Exception {
    String web = fx.fire("host_down", Severity.CRITICAL, "web1", "web1 is down");
    String db = fx.fire("host_down", Severity.CRITICAL, "db1", "db1 is down");
    // The route groups by [alertname, region]: the group's key is those labels' fingerprint.
    String group = Labels.of("alertname", "host_down", "region", "eu-west").fingerprint();

    ChatMessage.Embed embed = fx.run(ack, "", Map.of("alert", group)).embed();

    assertThat(embed.title()).isEqualTo("alice acknowledged 2 alerts");
    assertThat(fx.engine.acks().list())
        .extracting(Ack::fingerprint)
        .containsExactlyInAnyOrder(web, db);
  }

  @Test
  @DisplayName("the Acknowledge button acks the alert of its payload for whoever clicked")
  void button() throws Exception {
    String fp = fx.fire("host_down", Severity.CRITICAL, "web1", "web1 is down");
    var reply = new RecordingReply();

    ack.onButton(new Caller("42", "bob", Set.of()), fp, reply);

    assertThat(reply.embed().title()).isEqualTo("bob acknowledged an alert");
    assertThat(fx.engine.acks().list()).extracting(Ack::by).containsExactly("bob");
  }

  @Test
  @DisplayName("an unknown or resolved alert cannot be acked")
  void unknownAlert() {
    String fp = fx.fire("host_down", Severity.CRITICAL, "web1", "web1 is down");
    fx.clear("host_down", Severity.CRITICAL, "web1");

    assertThatThrownBy(() -> fx.run(ack, "", Map.of("alert", fp)))
        .isInstanceOf(CommandException.class)
        .hasMessage("No active alert or group `" + fp + "` (resolved already?).");
    assertThatThrownBy(() -> fx.run(ack, "", Map.of("alert", "nope")))
        .isInstanceOf(CommandException.class)
        .hasMessageStartingWith("No active alert or group `nope`");
    assertThat(fx.engine.acks().list()).isEmpty();
  }

  @Test
  @DisplayName("completion shows the alerts' summaries and sends their fingerprints")
  void completion() {
    String web = fx.fire("host_down", Severity.CRITICAL, "web1", "web1 is down");
    String db =
        fx.fire("disk_usage_high", Severity.WARNING, "db1", "db1: / is 95% full", "path", "/");

    assertThat(ack.suggest("alert", "db1", Map.of()))
        .containsExactly(new Suggestion("warning · db1: / is 95% full", db));
    assertThat(ack.suggest("alert", "", Map.of()))
        .extracting(Suggestion::value)
        .containsExactly(web, db);
    assertThat(ack.complete("alert", web.substring(0, 6))).containsExactly(web);
  }
}
