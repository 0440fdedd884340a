package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request the fake refused as Discord would (400 over a limit, 403, 404 unknown channel or late
 * interaction, 401), recorded so a test can assert that none happened.
 *
 * @param code Discord's JSON error code (50035 Invalid Form Body, 10062 Unknown interaction, …)
 * @param body the error JSON the fake answered with, including {@code errors} for 50035
 */
public record Rejection(
    String method, String path, int status, int code, String message, JsonNode body) {

  /** Whether it was a message over one of Discord's limits. */
  public boolean limitViolation() {
    return code == 50035;
  }
}
