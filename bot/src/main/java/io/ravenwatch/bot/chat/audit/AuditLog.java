package io.ravenwatch.bot.chat.audit;

import io.ravenwatch.alerts.audit.AuditEntry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every chat action is recorded: each entry goes to every sink (the store, the audit channel,
 * InfluxDB as an annotation; see {@link AuditSinks}). A failing sink is logged and skipped: the
 * others still get the entry, and the user's action is never failed by its audit.
 *
 * <pre>{@code
 * AuditLog audit = new AuditLog(List.of(
 *     AuditSinks.store(store), AuditSinks.channel(auditChannel), AuditSinks.influx(writer::write)));
 * audit.record(entry);
 * }</pre>
 */
public final class AuditLog {
  private static final Logger logger = LoggerFactory.getLogger(AuditLog.class);

  /** One destination of the audit trail. */
  @FunctionalInterface
  public interface Sink {
    void accept(AuditEntry entry) throws Exception;
  }

  private final List<Sink> sinks;

  public AuditLog(List<Sink> sinks) {
    this.sinks = List.copyOf(sinks);
  }

  /** An audit log that only logs (for tests and tools without a store). */
  public static AuditLog loggingOnly() {
    return new AuditLog(List.of());
  }

  /** Sends {@code entry} to every sink, and to the log at INFO. */
  public void record(AuditEntry entry) {
    logger.info("audit: {}", AuditSinks.line(entry));
    for (Sink sink : sinks) {
      try {
        sink.accept(entry);
      } catch (Exception | LinkageError e) {
        logger.warn("audit sink {} failed for {}: {}", sink, entry.action(), e.toString());
      }
    }
  }
}
