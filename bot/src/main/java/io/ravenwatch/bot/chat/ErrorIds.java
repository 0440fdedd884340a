package io.ravenwatch.bot.chat;

import java.security.SecureRandom;

/**
 * Short ids a user can quote (e.g. {@code K7Q2XM}) that find the log line of a failure: shown in
 * the chat, put in the MDC and the log message, and kept in the audit trail.
 */
public final class ErrorIds {
  private static final SecureRandom RANDOM = new SecureRandom();
  // No 0/O or 1/I: read aloud or retyped from a screenshot, they are confused.
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private ErrorIds() {}

  /** A new six-character id. */
  public static String next() {
    var sb = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }
}
