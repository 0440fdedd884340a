package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An answer Discord gives with an error status; thrown inside the fake's handlers and turned into
 * the JSON body Discord sends ({@code {"message": …, "code": …}} plus {@code errors} for 50035).
 */
final class DiscordError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final int code;
  final transient ObjectNode errors;

  DiscordError(int status, int code, String message, ObjectNode errors) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.errors = errors;
  }

  static DiscordError unknownChannel() {
    return new DiscordError(404, 10003, "Unknown Channel", null);
  }

  static DiscordError unknownMessage() {
    return new DiscordError(404, 10008, "Unknown Message", null);
  }

  static DiscordError unknownInteraction() {
    return new DiscordError(404, 10062, "Unknown interaction", null);
  }

  static DiscordError unknownWebhook() {
    return new DiscordError(404, 10015, "Unknown Webhook", null);
  }

  static DiscordError alreadyAcknowledged() {
    return new DiscordError(400, 40060, "Interaction has already been acknowledged.", null);
  }

  static DiscordError missingPermissions() {
    return new DiscordError(403, 50013, "Missing Permissions", null);
  }

  static DiscordError invalidFormBody(ObjectNode errors) {
    return new DiscordError(400, 50035, "Invalid Form Body", errors);
  }

  static DiscordError unauthorized() {
    return new DiscordError(401, 0, "401: Unauthorized", null);
  }

  static DiscordError notFound() {
    return new DiscordError(404, 0, "404: Not Found", null);
  }

  ObjectNode body() {
    ObjectNode body = Json.object().put("message", getMessage()).put("code", code);
    if (errors != null) {
      body.set("errors", errors);
    }
    return body;
  }
}
