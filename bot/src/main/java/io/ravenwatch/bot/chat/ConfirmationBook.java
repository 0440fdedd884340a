package io.ravenwatch.bot.chat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Destructive commands waiting for their confirmation: who asked, what exactly, until when. A token
 * (in the Confirm and Cancel buttons' ids) finds one; {@link #take} removes it atomically, so a
 * double click runs the command once. Kept in memory: after a restart old buttons read as expired,
 * which is what a person expects of a plan shown before the restart.
 */
public final class ConfirmationBook {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

  /** Expired plans are kept this long to answer a late click with "expired". */
  private static final Duration KEEP_EXPIRED = Duration.ofHours(1);

  /**
   * One plan waiting for its confirmation.
   *
   * @param token the id in its buttons
   * @param invocation what runs on confirmation, with the caller who may confirm it
   * @param expiresAt the first instant at which a confirmation is too late
   */
  public record Pending(String token, Invocation invocation, Instant expiresAt) {
    public Pending {
      Objects.requireNonNull(token);
      Objects.requireNonNull(invocation);
      Objects.requireNonNull(expiresAt);
    }

    /** Whether {@code caller} is the one who asked (and so the only one who may confirm). */
    public boolean belongsTo(Caller caller) {
      return invocation.caller().id().equals(caller.id());
    }

    public boolean expiredAt(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }

  private final Duration timeout;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /** A book whose plans wait {@code timeout} (the {@code discord.confirm_timeout}). */
  public ConfirmationBook(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("confirmation timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Remembers a plan shown at {@code now}; returns it with its token and expiry. */
  public Pending remember(Invocation invocation, Instant now) {
    pending.values().removeIf(p -> p.expiresAt().plus(KEEP_EXPIRED).isBefore(now));
    var p = new Pending(newToken(), invocation, now.plus(timeout));
    pending.put(p.token(), p);
    return p;
  }

  /** The plan with that token, expired or not, unless it was taken or forgotten. */
  public Optional<Pending> find(String token) {
    return Optional.ofNullable(pending.get(token));
  }

  /** Removes the plan; true for the one caller that removed it (a second click gets false). */
  public boolean take(Pending p) {
    return pending.remove(p.token(), p);
  }

  /** How many plans are remembered (waiting or recently expired). */
  public int size() {
    return pending.size();
  }

  private static String newToken() {
    var sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }
}
