package io.ravenwatch.bot.chat;

/**
 * What a chat user may do. Granted to Discord role ids in the configuration; everything not granted
 * is refused (and the refusal audited).
 */
public enum Capability {
  /** See status, alerts, graphs, silences; run probes. */
  VIEW,
  /** Acknowledge alerts. */
  ACK,
  /** Add and remove silences. */
  SILENCE,
  /** Announce and run maintenance windows. */
  MAINTENANCE,
  /** Restart containers and services. */
  RESTART,
  /** Fail a service over to its standby. */
  FAILOVER
}
