package io.ravenwatch.bot.chat.audit;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.probes.api.Point;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The audit trail's destinations: the alert store's {@code audit} table, a chat channel (Discord's
 * audit channel; the console prints), and InfluxDB as an annotation that Grafana shows on every
 * graph.
 */
public final class AuditSinks {
  /** The measurement of annotations (maintenance, acknowledgements, chat actions). */
  public static final String ANNOTATIONS = "annotations";

  /** The {@code kind} tag of a chat action's annotation. */
  public static final String KIND = "chat_action";

  private AuditSinks() {}

  /** Appends to the store's audit table. */
  public static AuditLog.Sink store(AlertStore store) {
    return named("store", store::appendAudit);
  }

  /** Posts one line per entry to a channel (e.g. the Discord adapter's audit channel). */
  public static AuditLog.Sink channel(Consumer<ChatMessage> channel) {
    return named("channel", e -> channel.accept(ChatMessage.text(message(e))));
  }

  /**
   * Writes an annotation point (measurement {@value #ANNOTATIONS}, tags {@code kind=chat_action},
   * {@code user}, {@code command}, {@code outcome}; fields {@code title}, {@code text}), e.g.
   * through {@code InfluxWriter::write}.
   */
  public static AuditLog.Sink influx(Consumer<Collection<Point>> writer) {
    return named("influx", e -> writer.accept(List.of(annotation(e))));
  }

  /** The annotation point of an entry. */
  public static Point annotation(AuditEntry e) {
    var p =
        Point.builder(ANNOTATIONS, e.at())
            .tag("kind", KIND)
            .tag("user", e.callerName())
            .tag("command", e.action())
            .tag("outcome", outcome(e))
            .field("title", e.callerName() + ": " + e.action() + " (" + outcome(e) + ")")
            .field("text", text(e))
            .field("duration_ms", e.duration().toMillis());
    if (e.errorId() != null) {
      p.field("error_id", e.errorId());
    }
    return p.build();
  }

  /** One line for the log: who, what, with what, how it ended. */
  public static String line(AuditEntry e) {
    return e.callerName() + " (" + e.callerId() + ") " + e.action() + " " + text(e);
  }

  /**
   * The audit channel's text. {@code @} is defused with a zero-width space so that a parameter like
   * {@code @everyone} never pings anyone.
   */
  static String message(AuditEntry e) {
    String params = parameters(e.parameters());
    String text =
        "🛡 "
            + e.callerName()
            + ": "
            + e.action()
            + (params.isEmpty() ? "" : " " + params)
            + " → "
            + outcome(e)
            + (e.duration().toMillis() == 0 ? "" : " in " + e.duration().toMillis() + " ms")
            + (e.detail().isEmpty() ? "" : ". " + e.detail())
            + (e.errorId() == null ? "" : " (error id " + e.errorId() + ")")
            + state(e);
    return text.replace("@", "@\u200b");
  }

  private static String text(AuditEntry e) {
    String params = parameters(e.parameters());
    return (params.isEmpty() ? "" : params + " ")
        + "→ "
        + outcome(e)
        + (e.detail().isEmpty() ? "" : ": " + e.detail())
        + (e.errorId() == null ? "" : " (error id " + e.errorId() + ")")
        + state(e);
  }

  /** {@code [before: …; after: …]} when the action reported its state, else empty. */
  private static String state(AuditEntry e) {
    if (e.before() == null && e.after() == null) {
      return "";
    }
    return " [before: "
        + Objects.requireNonNullElse(e.before(), "?")
        + "; after: "
        + Objects.requireNonNullElse(e.after(), "?")
        + "]";
  }

  private static String outcome(AuditEntry e) {
    return e.outcome().name().toLowerCase(Locale.ROOT);
  }

  /** {@code duration:1h matcher:source=web1 comment:"reboot now"}, as typed. */
  static String parameters(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(p -> p.getKey() + ":" + quoted(p.getValue()))
        .collect(Collectors.joining(" "));
  }

  private static String quoted(String v) {
    return v.isEmpty() || v.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"')
        ? '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"'
        : v;
  }

  private static AuditLog.Sink named(String name, AuditLog.Sink sink) {
    return new AuditLog.Sink() {
      @Override
      public void accept(AuditEntry entry) throws Exception {
        sink.accept(entry);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
