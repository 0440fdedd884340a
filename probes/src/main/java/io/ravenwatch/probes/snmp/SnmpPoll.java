package io.ravenwatch.probes.snmp;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the SNMP probes share: the endpoint of a target (built once per timing), waiting for
 * requests within the run's deadline, and the {@code snmp} point that says whether the agent
 * answered.
 */
final class SnmpPoll {
  private final String host;
  private final SnmpCredentials credentials;
  private volatile SnmpEndpoint endpoint;

  SnmpPoll(Target target) {
    this.host = target.address();
    this.credentials =
        target
            .snmp()
            .orElseThrow(
                () -> new IllegalArgumentException("target " + target.name() + " has no snmp:"));
  }

  SnmpCredentials.Version version() {
    return credentials.version();
  }

  /**
   * The endpoint for this run's timeout and retries; the same instance while they do not change.
   */
  SnmpEndpoint endpoint(ProbeContext ctx) {
    SnmpEndpoint e = endpoint;
    if (e == null || !e.timeout().equals(ctx.timeout()) || e.retries() != ctx.retries()) {
      e = new SnmpEndpoint(host, credentials, ctx.timeout(), ctx.retries());
      endpoint = e;
    }
    return e;
  }

  /**
   * Waits for all requests of a poll, at most until the run's deadline.
   *
   * @return {@code null} when every request succeeded, else why the first one failed
   */
  SnmpFailure await(ProbeContext ctx, CompletableFuture<?>... requests)
      throws InterruptedException {
    try {
      CompletableFuture.allOf(requests).get(ctx.remaining().toNanos(), TimeUnit.NANOSECONDS);
      return null;
    } catch (ExecutionException e) {
      for (CompletableFuture<?> r : requests) {
        if (r.isCompletedExceptionally()) {
          Throwable cause = r.exceptionNow();
          if (cause instanceof java.util.concurrent.CompletionException
              && cause.getCause() != null) {
            cause = cause.getCause();
          }
          return cause instanceof SnmpFailure f
              ? f
              : new SnmpFailure(SnmpFailure.Kind.AGENT_ERROR, String.valueOf(cause));
        }
      }
      return new SnmpFailure(SnmpFailure.Kind.AGENT_ERROR, String.valueOf(e.getCause()));
    } catch (TimeoutException e) {
      return new SnmpFailure(
          SnmpFailure.Kind.TIMEOUT,
          "no complete answer from "
              + host
              + ":"
              + credentials.port()
              + " within the run's time budget");
    }
  }

  /** The {@code snmp} point: {@code result_code} 0 when the agent answered, and the poll's time. */
  static Point status(ProbeContext ctx, Instant time, SnmpFailure failure, Duration elapsed) {
    return ctx.point("snmp", time)
        .field("result_code", failure == null ? 0 : failure.kind().resultCode())
        .field("response_time", elapsed.toNanos() / 1e9)
        .build();
  }

  /** A failed result with its {@code snmp} point. */
  static ProbeResult failed(ProbeContext ctx, Instant started, SnmpFailure failure) {
    Duration elapsed = Duration.between(started, ctx.clock().instant());
    return ctx.failed(
        started,
        "SNMP "
            + failure.kind().name().toLowerCase(java.util.Locale.ROOT)
            + ": "
            + failure.reason(),
        List.of(status(ctx, started, failure, elapsed)));
  }
}
