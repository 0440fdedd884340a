package io.ravenwatch.probes.net;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A TCP connection to the target's address and a port, optionally sending a string and expecting a
 * substring in the first line of the answer: Telegraf's {@code net_response} measurement.
 *
 * <p>Fields: {@code response_time} (seconds, until connected, or until the answer's first line when
 * {@code expect} is set), {@code result_code} (0 success, 1 timeout, 2 connection failed, 3 read
 * failed, 4 string mismatch); tags {@code server}, {@code port}, {@code protocol=tcp}, {@code
 * result}. As in Telegraf, {@code expect} is matched as a plain substring of the first line (up to
 * a newline, the end of the stream or 64 KiB); no line within {@code read_timeout} is a read
 * failure.
 */
public final class NetResponseProbe implements Probe {

  /** The probe type, registered in the standard registry. */
  public static final ProbeType<Settings> TYPE =
      new ProbeType<>(
          "net_response",
          Settings.class,
          Set.of(ProbeType.Requirement.ADDRESS),
          NetResponseProbe::new);

  /**
   * Settings of a {@code net_response} probe.
   *
   * @param port the TCP port, 1 to 65535
   * @param send a string to send once connected (UTF-8), or absent
   * @param expect a substring the first line of the answer must contain, or absent
   * @param readTimeout how long to wait for the answer; absent: the probe's timeout
   */
  public record Settings(
      int port,
      @OptionalKey String send,
      @OptionalKey String expect,
      @OptionalKey Duration readTimeout)
      implements Validatable {
    @Override
    public void validate(ConfigProblems problems) {
      if (port < 1 || port > 65535) {
        problems.report("port", "a port from 1 to 65535", port);
      }
      if (readTimeout != null && (readTimeout.isNegative() || readTimeout.isZero())) {
        problems.report("read_timeout", "a positive duration", readTimeout);
      }
      if (expect != null && expect.isEmpty()) {
        problems.report("expect", "a non-empty string", "''");
      }
    }
  }

  /** Telegraf's result values, in result_code order. */
  enum Result {
    SUCCESS,
    TIMEOUT,
    CONNECTION_FAILED,
    READ_FAILED,
    STRING_MISMATCH;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final int MAX_LINE = 64 * 1024;

  private final String host;
  private final Settings settings;

  NetResponseProbe(Target target, Settings settings) {
    this.host = target.address();
    this.settings = settings;
  }

  @Override
  public ProbeResult run(ProbeContext ctx) throws InterruptedException {
    Instant started = ctx.clock().instant();
    Attempt a;
    int attempt = 0;
    while (true) {
      a = attempt(ctx);
      if (a.result == Result.SUCCESS || attempt++ >= ctx.retries() || ctx.remaining().isZero()) {
        break;
      }
    }
    Point point =
        ctx.point("net_response", started)
            .tag("server", host)
            .tag("port", Integer.toString(settings.port()))
            .tag("protocol", "tcp")
            .tag("result", a.result.tag())
            .field("response_time", a.responseSeconds)
            .field("result_code", a.result.ordinal())
            .build();
    return a.result == Result.SUCCESS
        ? ctx.ok(started, List.of(point))
        : ctx.failed(started, a.reason, List.of(point));
  }

  private Attempt attempt(ProbeContext ctx) throws InterruptedException {
    Duration limit = min(ctx.timeout(), ctx.remaining());
    String where = host + ":" + settings.port();
    long t0 = System.nanoTime();
    try (Socket socket = new Socket()) {
      var address = new InetSocketAddress(host, settings.port());
      if (address.isUnresolved()) {
        return new Attempt(Result.CONNECTION_FAILED, "unknown host " + host, null);
      }
      try {
        socket.connect(address, millis(limit));
      } catch (SocketTimeoutException e) {
        return new Attempt(Result.TIMEOUT, "no connection to " + where + " within " + limit, null);
      } catch (IOException e) {
        checkInterrupted();
        return new Attempt(Result.CONNECTION_FAILED, where + ": " + e.getMessage(), null);
      }
      Double connected = seconds(t0);
      if (settings.send() != null) {
        try {
          OutputStream out = socket.getOutputStream();
          out.write(settings.send().getBytes(StandardCharsets.UTF_8));
          out.flush();
        } catch (IOException e) {
          checkInterrupted();
          return new Attempt(
              Result.CONNECTION_FAILED, "sending to " + where + ": " + e.getMessage(), connected);
        }
      }
      if (settings.expect() == null) {
        return new Attempt(Result.SUCCESS, "", connected);
      }
      return expect(socket, where, t0, ctx);
    } catch (IOException e) {
      // Only close() is left to fail here; the outcome is already decided.
      checkInterrupted();
      return new Attempt(Result.CONNECTION_FAILED, where + ": " + e.getMessage(), null);
    }
  }

  private Attempt expect(Socket socket, String where, long t0, ProbeContext ctx)
      throws InterruptedException {
    Duration readLimit = settings.readTimeout() == null ? ctx.timeout() : settings.readTimeout();
    readLimit = min(readLimit, ctx.remaining());
    var line = new ByteArrayOutputStream();
    boolean sawAny = false;
    try {
      socket.setSoTimeout(millis(readLimit));
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[4096];
      while (line.size() < MAX_LINE) {
        int n = in.read(buf);
        if (n < 0) {
          break;
        }
        sawAny = true;
        int newline = indexOf(buf, n, (byte) '\n');
        line.write(buf, 0, newline < 0 ? n : newline);
        if (newline >= 0) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      return new Attempt(
          Result.READ_FAILED, "no answer line from " + where + " within " + readLimit, null);
    } catch (IOException e) {
      checkInterrupted();
      return new Attempt(Result.READ_FAILED, "reading from " + where + ": " + e.getMessage(), null);
    }
    Double elapsed = seconds(t0);
    if (!sawAny) {
      return new Attempt(
          Result.READ_FAILED, where + " closed the connection without answering", elapsed);
    }
    String text = line.toString(StandardCharsets.UTF_8);
    if (!text.contains(settings.expect())) {
      return new Attempt(
          Result.STRING_MISMATCH,
          "answer of " + where + " does not contain '" + settings.expect() + "'",
          elapsed);
    }
    return new Attempt(Result.SUCCESS, "", elapsed);
  }

  private static int indexOf(byte[] buf, int n, byte b) {
    for (int i = 0; i < n; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** A virtual thread interrupted in socket I/O sees an IOException with its flag set. */
  private static void checkInterrupted() throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("interrupted during socket I/O");
    }
  }

  private static Double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static int millis(Duration d) {
    return Math.clamp(d.toMillis(), 1, Integer.MAX_VALUE);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private record Attempt(Result result, String reason, Double responseSeconds) {}
}
