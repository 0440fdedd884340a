package io.ravenwatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.api.Notification;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleNotifierTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ConsoleNotifier notifier =
      new ConsoleNotifier(new PrintStream(bytes, true, StandardCharsets.UTF_8));

  @Test
  void printsKindSeverityGroupAlertsSuppressionMentionAndAck() {
    Notification n = Notifications.firing("console").withId(42);

    DeliveryResult result = notifier.deliver(n, null);

    assertThat(result).isEqualTo(new DeliveryResult.Delivered("console-42"));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            [FIRING] CRITICAL {alertname=HostDown} #42
              - web1: web1 does not answer (value 1)
              - web2: web2 does not answer (value 1) [acked by alice]
              suppressed: 3 (cause: switch1)
              mention: @oncall
            """);
  }

  @Test
  void namesTheMessageItAnswers() {
    Notification n =
        Notifications.notification("console", Notification.Kind.RESOLVED, 42L).withId(43);

    notifier.deliver(n, "console-42");

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .startsWith("[RESOLVED] CRITICAL {alertname=HostDown} #43 (re console-42)\n");
  }
}
