package io.ravenwatch.bot.discord.alert;

import io.ravenwatch.alerts.api.DeliveryResult;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed Discord request means for the outbox: try again later (Discord unavailable, a
 * network error, JDA giving up on 503s, a channel that is unknown or not ours to post in — the
 * configuration may be fixed), or rejected (Discord refused the payload with a 400: trying the same
 * again cannot help, and the notifications behind it must not wait for it).
 */
final class Failures {
  private static final Logger logger = LoggerFactory.getLogger(Failures.class);

  private Failures() {}

  static DeliveryResult of(String receiver, String doing, Throwable thrown) {
    Throwable e =
        thrown instanceof CompletionException && thrown.getCause() != null
            ? thrown.getCause()
            : thrown;
    String what = receiver + ": " + doing + " failed: ";
    if (e instanceof ErrorResponseException r) {
      int status = r.getResponse() == null ? -1 : r.getResponse().code;
      ErrorResponse error = r.getErrorResponse();
      if (r.getCause() instanceof IOException || r.isServerError() || status < 0 || status >= 500) {
        return DeliveryResult.retryLater(what + "Discord unavailable (" + describe(r) + ")");
      }
      if (error == ErrorResponse.UNKNOWN_CHANNEL
          || error == ErrorResponse.MISSING_ACCESS
          || error == ErrorResponse.MISSING_PERMISSIONS
          || status == 401
          || status == 403) {
        logger.warn(
            "{}{} — check the channel id and the bot's permissions there; retrying later",
            what,
            describe(r));
        return DeliveryResult.retryLater(what + describe(r));
      }
      if (status == 429) {
        return DeliveryResult.retryLater(what + "rate limited (" + describe(r) + ")");
      }
      return DeliveryResult.rejected(what + "Discord refused it: " + describe(r));
    }
    if (e instanceof InsufficientPermissionException p) {
      logger.warn(
          "{}the bot lacks {} in channel {} — grant it; retrying later",
          what,
          p.getPermission().getName(),
          p.getChannelId());
      return DeliveryResult.retryLater(what + "missing permission " + p.getPermission().getName());
    }
    if (e instanceof IllegalArgumentException) {
      // JDA checks Discord's limits before sending: the same message would fail again.
      return DeliveryResult.rejected(what + e.getMessage());
    }
    if (e instanceof TimeoutException) {
      return DeliveryResult.retryLater(what + "no answer from Discord in time");
    }
    return DeliveryResult.retryLater(what + e);
  }

  private static String describe(ErrorResponseException r) {
    int status = r.getResponse() == null ? -1 : r.getResponse().code;
    return (status > 0 ? "HTTP " + status + " " : "")
        + (r.getErrorCode() > 0 ? r.getErrorCode() + " " : "")
        + r.getMeaning();
  }
}
