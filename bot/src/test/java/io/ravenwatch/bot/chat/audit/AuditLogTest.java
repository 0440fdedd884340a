package io.ravenwatch.bot.chat.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.alerts.store.InMemoryAlertStore;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.probes.api.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditLogTest {
  private static final AuditEntry ENTRY =
      AuditEntry.of(
              Instant.parse("2026-11-22T05:00:00Z"),
              "200000000000000001",
              "alice",
              List.of("300000000000000001"),
              "/silence add",
              Map.of("matcher", "source=web1", "comment", "ping @everyone"),
              Outcome.FAILED,
              "bug",
              Duration.ofMillis(42))
          .withErrorId("K7Q2XM");

  @Test
  @DisplayName("every sink gets the entry even when one of them fails")
  void failingSinkDoesNotStopTheOthers() {
    var store = new InMemoryAlertStore();
    var channel = new ArrayList<ChatMessage>();
    var points = new ArrayList<Point>();
    AuditLog.Sink broken =
        e -> {
          throw new IllegalStateException("channel down");
        };
    var log =
        new AuditLog(
            List.of(
                broken,
                AuditSinks.store(store),
                AuditSinks.channel(channel::add),
                AuditSinks.influx((Collection<Point> p) -> points.addAll(p))));

    log.record(ENTRY);

    assertThat(store.audit(5)).singleElement().isEqualTo(ENTRY.withId(1));
    assertThat(channel).hasSize(1);
    assertThat(points).hasSize(1);
  }

  @Test
  @DisplayName("the audit channel line never pings: @everyone is defused")
  void channelMessageDefusesMentions() {
    var channel = new ArrayList<ChatMessage>();
    try {
      AuditSinks.channel(channel::add).accept(ENTRY);
    } catch (Exception e) {
      throw new AssertionError(e);
    }

    assertThat(channel.getFirst().content())
        .isEqualTo(
            "🛡 alice: /silence add comment:\"ping @\u200beveryone\" matcher:source=web1"
                + " → failed in 42 ms. bug (error id K7Q2XM)");
  }

  @Test
  @DisplayName("the annotation point has kind, user, command and outcome tags, title and text")
  void annotationPoint() {
    Point p = AuditSinks.annotation(ENTRY);

    assertThat(p.measurement()).isEqualTo("annotations");
    assertThat(p.tags())
        .containsExactly(
            Map.entry("command", "/silence add"),
            Map.entry("kind", "chat_action"),
            Map.entry("outcome", "failed"),
            Map.entry("user", "alice"));
    assertThat(p.field("title")).isEqualTo("alice: /silence add (failed)");
    assertThat(p.field("text"))
        .isEqualTo(
            "comment:\"ping @everyone\" matcher:source=web1 → failed: bug (error id K7Q2XM)");
    assertThat(p.field("error_id")).isEqualTo("K7Q2XM");
    assertThat(p.time()).isEqualTo(ENTRY.at());
  }
}
