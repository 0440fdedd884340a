package io.ravenwatch.probes.config;

import java.util.Objects;

/**
 * A secret read from the environment: configuration names it as {@code ${ENV_VAR}} and never holds
 * its value. {@link #toString()} is redacted, so a secret cannot reach a log or a chat message by
 * accident; call {@link #reveal()} where the value is really needed.
 *
 * @param source where the value came from, e.g. {@code ${INFLUX_PASSWORD}}; safe to show
 */
public record Secret(String source, String value) {

  public Secret {
    Objects.requireNonNull(source);
    Objects.requireNonNull(value);
  }

  /** A secret given directly, for tests and benchmarks. */
  public static Secret literal(String value) {
    return new Secret("(literal)", value);
  }

  /** The secret's value. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "Secret[" + source + "=****]";
  }
}
