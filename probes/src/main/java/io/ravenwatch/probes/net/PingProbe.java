package io.ravenwatch.probes.net;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.Validatable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ICMP echo of the target's address, written as Telegraf's {@code ping} measurement.
 *
 * <p>Java has no ICMP socket, so this runs the {@code ping} binary of iputils-ping (the container
 * image's Dockerfile must install {@code iputils-ping}) with a fixed argument list through {@link
 * ProcessBuilder} — never a shell: {@code ping -n -q -c COUNT -i 0.2 -W WAIT ADDRESS}, in the C
 * locale. The address comes from configuration, so it must look like an IP literal or a host name
 * before it reaches the command line; anything else (a leading {@code -}, spaces, shell
 * metacharacters) is refused and reported as {@code result_code} 2.
 *
 * <p>When the binary is missing, the probe falls back to {@link InetAddress#isReachable(int)},
 * which sends ICMP only when the JVM is privileged (root or {@code CAP_NET_RAW}) and otherwise
 * tries a TCP connection to port 7; a failure reason then says so, and a warning is logged once.
 *
 * <p>Fields: {@code percent_packet_loss}, {@code average_response_ms}, {@code minimum_response_ms},
 * {@code maximum_response_ms}, {@code packets_transmitted}, {@code packets_received}, {@code
 * result_code} (0 answered, 1 no answer or unknown host, 2 ping error); tag {@code url} = the
 * address. One attempt waits at most the probe's timeout; a failed attempt is retried up to {@code
 * retries} times within the run's deadline.
 */
public final class PingProbe implements Probe {
  private static final Logger logger = LoggerFactory.getLogger(PingProbe.class);

  /** The probe type, registered in the standard registry. */
  public static final ProbeType<Settings> TYPE =
      new ProbeType<>(
          "ping", Settings.class, Set.of(ProbeType.Requirement.ADDRESS), PingProbe::new);

  /**
   * Settings of a {@code ping} probe.
   *
   * @param count echo requests per attempt, sent 0.2 s apart
   */
  public record Settings(@Default("3") int count) implements Validatable {
    @Override
    public void validate(ConfigProblems problems) {
      if (count < 1 || count > 100) {
        problems.report("count", "a count from 1 to 100", count);
      }
    }
  }

  static final String BINARY = "ping";
  private static final Duration INTERVAL = Duration.ofMillis(200);
  private static final Pattern HOST_OR_IPV4 = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");
  private static final Pattern IPV6 =
      Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]{1,32})?");
  private static final Pattern PACKETS =
      Pattern.compile("(\\d+) packets transmitted, (\\d+) (?:packets )?received");
  private static final Pattern LOSS = Pattern.compile("([\\d.]+)% packet loss");
  private static final Pattern RTT =
      Pattern.compile("= ([\\d.]+)/([\\d.]+)/([\\d.]+)(?:/[\\d.]+)? ms");
  private static final List<String> UNKNOWN_HOST =
      List.of(
          "name or service not known",
          "temporary failure in name resolution",
          "no address associated",
          "unknown host",
          "cannot resolve");

  private final String address;
  private final Settings settings;
  private final String binary;
  private volatile boolean binaryMissing;

  PingProbe(Target target, Settings settings) {
    this(target, settings, BINARY);
  }

  /** With another binary name, for tests of the fallback. */
  PingProbe(Target target, Settings settings, String binary) {
    this.address = target.address();
    this.settings = settings;
    this.binary = binary;
  }

  /** Whether {@code address} may be put on a command line: an IP literal or a host name. */
  static boolean isSafeAddress(String address) {
    return address != null
        && (HOST_OR_IPV4.matcher(address).matches()
            || (address.length() <= 80 && IPV6.matcher(address).matches()));
  }

  @Override
  public ProbeResult run(ProbeContext ctx) throws InterruptedException {
    Instant started = ctx.clock().instant();
    Outcome outcome;
    if (!isSafeAddress(address)) {
      outcome = Outcome.error("address refused: not an IP address or host name: " + address);
    } else {
      int attempt = 0;
      while (true) {
        outcome = attempt(ctx);
        if (outcome.resultCode == 0 || attempt++ >= ctx.retries() || ctx.remaining().isZero()) {
          break;
        }
      }
    }
    Point.Builder p = ctx.point("ping", started).tag("url", address);
    outcome.addFields(p);
    List<Point> points = List.of(p.build());
    return outcome.resultCode == 0
        ? ctx.ok(started, points)
        : ctx.failed(started, outcome.reason, points);
  }

  private Outcome attempt(ProbeContext ctx) throws InterruptedException {
    Duration limit = min(ctx.timeout(), ctx.remaining());
    if (!binaryMissing) {
      try {
        return runBinary(limit);
      } catch (IOException e) {
        // Start failed: the binary is not installed (or not executable).
        binaryMissing = true;
        logger.warn(
            "Cannot run '{}' ({}); falling back to InetAddress.isReachable. Install iputils-ping.",
            binary,
            e.getMessage());
      }
    }
    return isReachable(limit);
  }

  private Outcome runBinary(Duration limit) throws IOException, InterruptedException {
    // The replies to the last request are awaited for what is left of the attempt's time.
    Duration wait = limit.minus(INTERVAL.multipliedBy(settings.count() - 1L));
    double waitSeconds = Math.max(0.2, wait.toMillis() / 1000.0);
    var pb =
        new ProcessBuilder(
                binary,
                "-n",
                "-q",
                "-c",
                Integer.toString(settings.count()),
                "-i",
                "0.2",
                "-W",
                String.format(Locale.ROOT, "%.3f", waitSeconds),
                address)
            .redirectErrorStream(true);
    pb.environment().put("LC_ALL", "C");
    Process process = pb.start();
    try {
      process.getOutputStream().close();
      // ping may overrun its -W a little (it sends before it waits); allow a second more.
      long allowMs =
          INTERVAL.toMillis() * (settings.count() - 1L) + (long) (waitSeconds * 1000) + 1000;
      if (!process.waitFor(allowMs, TimeUnit.MILLISECONDS)) {
        return Outcome.noAnswer("ping did not finish within " + allowMs + " ms", settings.count());
      }
      String out;
      try (InputStream in = process.getInputStream()) {
        out = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      }
      return parse(process.exitValue(), out);
    } finally {
      process.destroyForcibly();
    }
  }

  /** Reads iputils' summary; package-private for tests. */
  static Outcome parse(int exitCode, String out) {
    Matcher packets = PACKETS.matcher(out);
    if (!packets.find()) {
      String firstLine = out.strip().lines().findFirst().orElse("ping exited with " + exitCode);
      String lower = firstLine.toLowerCase(Locale.ROOT);
      if (UNKNOWN_HOST.stream().anyMatch(lower::contains)) {
        return new Outcome(1, "unknown host: " + firstLine, null, null, null, null, null, null);
      }
      return Outcome.error(firstLine);
    }
    long sent = Long.parseLong(packets.group(1));
    long received = Long.parseLong(packets.group(2));
    Matcher loss = LOSS.matcher(out);
    Double lossPercent =
        loss.find()
            ? Double.valueOf(loss.group(1))
            : sent == 0 ? null : 100.0 * (sent - received) / sent;
    Matcher rtt = RTT.matcher(out);
    if (received > 0 && rtt.find()) {
      return new Outcome(
          0,
          "",
          sent,
          received,
          lossPercent,
          Double.valueOf(rtt.group(1)),
          Double.valueOf(rtt.group(2)),
          Double.valueOf(rtt.group(3)));
    }
    if (received > 0) {
      return new Outcome(0, "", sent, received, lossPercent, null, null, null);
    }
    return new Outcome(
        1,
        "no answer to " + sent + " echo requests",
        sent,
        received,
        lossPercent,
        null,
        null,
        null);
  }

  private Outcome isReachable(Duration limit) throws InterruptedException {
    String how = " (ping binary missing: used InetAddress.isReachable)";
    InetAddress inet;
    try {
      inet = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      return new Outcome(1, "unknown host: " + address + how, null, null, null, null, null, null);
    }
    int perRequest = (int) Math.max(1, limit.toMillis() / settings.count());
    long received = 0;
    double min = Double.MAX_VALUE;
    double max = 0;
    double sum = 0;
    for (int i = 0; i < settings.count(); i++) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      long t0 = System.nanoTime();
      boolean answered;
      try {
        answered = inet.isReachable(perRequest);
      } catch (IOException e) {
        return Outcome.error(e.getMessage() + how);
      }
      if (answered) {
        double ms = (System.nanoTime() - t0) / 1e6;
        received++;
        min = Math.min(min, ms);
        max = Math.max(max, ms);
        sum += ms;
      }
    }
    long sent = settings.count();
    double loss = 100.0 * (sent - received) / sent;
    if (received == 0) {
      return new Outcome(
          1, "no answer to " + sent + " requests" + how, sent, 0L, loss, null, null, null);
    }
    return new Outcome(0, "", sent, received, loss, min, sum / received, max);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** One attempt's outcome; {@code null} fields are left out of the point. */
  record Outcome(
      int resultCode,
      String reason,
      Long sent,
      Long received,
      Double lossPercent,
      Double minMs,
      Double avgMs,
      Double maxMs) {

    static Outcome error(String reason) {
      return new Outcome(2, reason, null, null, null, null, null, null);
    }

    static Outcome noAnswer(String reason, long sent) {
      return new Outcome(1, reason, sent, 0L, 100.0, null, null, null);
    }

    void addFields(Point.Builder p) {
      p.field("percent_packet_loss", lossPercent)
          .field("average_response_ms", avgMs)
          .field("minimum_response_ms", minMs)
          .field("maximum_response_ms", maxMs)
          .field("packets_transmitted", sent)
          .field("packets_received", received)
          .field("result_code", resultCode);
    }
  }
}
