package io.ravenwatch.bench;

import io.ravenwatch.bot.Ravenwatch;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.audit.AuditLog;
import io.ravenwatch.bot.chat.audit.AuditSinks;
import io.ravenwatch.bot.discord.DiscordChat;
import io.ravenwatch.bot.discord.DiscordEndpoints;
import io.ravenwatch.testkit.discord.DiscordFake;
import io.ravenwatch.testkit.discord.FakeGuild;
import io.ravenwatch.testkit.discord.SlashResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Slash command acknowledgement latency: {@code /status} run N times through the Discord protocol
 * fake, answered by the real JDA and a real running Ravenwatch (alert engine on its embedded store,
 * audit trail written to it) with {@code --targets} hosts in the inventory. The fake measures from
 * delivering the interaction on the gateway to receiving the bot's first callback. Goal: p99 ≤ 500
 * ms (Discord drops an interaction not acknowledged within 3 s).
 *
 * <pre>
 * bench/run SlashLatencyBench [--commands 1000] [--warmup 100] [--concurrency 1] [--targets 200]
 * </pre>
 */
public final class SlashLatencyBench {
  private static final String GUILD = "100000000000000100";
  private static final String ALERTS = "100000000000000200";
  private static final String ONCALL = "100000000000000300";
  private static final String ALICE = "100000000000000400";

  private SlashLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int commands = intOption(args, "--commands", 1000);
    int warmup = intOption(args, "--warmup", 100);
    int concurrency = intOption(args, "--concurrency", 1);
    int targets = intOption(args, "--targets", 200);
    System.out.printf(
        "SlashLatencyBench commands=%d warmup=%d concurrency=%d targets=%d%n",
        commands, warmup, concurrency, targets);
    Path dir = Files.createTempDirectory("bench-slash");
    var guild =
        FakeGuild.of(GUILD, "ops")
            .withChannel(ALERTS, "alerts")
            .withRole(ONCALL, "oncall")
            .withMember(ALICE, "alice", ONCALL);
    try (DiscordFake fake = DiscordFake.start(guild)) {
      Path file = dir.resolve("ravenwatch.yml");
      Files.writeString(file, config(targets));
      Setup setup = Setup.load(file, Map.of("DISCORD_TOKEN", fake.token()));
      Clock clock = Clock.systemUTC();
      try (Ravenwatch app = Ravenwatch.start(setup, clock, List.of());
          DiscordChat chat = startChat(setup, app, clock, fake)) {
        run(fake, warmup, concurrency);
        long started = System.nanoTime();
        List<SlashResult> measured = run(fake, commands, concurrency);
        double seconds = (System.nanoTime() - started) / 1e9;
        report(measured, seconds);
      }
    }
  }

  private static DiscordChat startChat(Setup setup, Ravenwatch app, Clock clock, DiscordFake fake)
      throws InterruptedException {
    var sinks = new ArrayList<AuditLog.Sink>();
    app.store().ifPresent(store -> sinks.add(AuditSinks.store(store)));
    return DiscordChat.start(
        setup.discord(),
        CommandRegistry.standard(app.botContext()),
        sinks,
        clock,
        new DiscordEndpoints(fake.restBaseUrl(), fake.gatewayUrl()));
  }

  /** Runs {@code n} commands, {@code concurrency} at a time, each awaited before the next batch. */
  private static List<SlashResult> run(DiscordFake fake, int n, int concurrency) {
    var results = new ArrayList<SlashResult>();
    for (int i = 0; i < n; i += concurrency) {
      var batch = new ArrayList<SlashResult>();
      for (int j = 0; j < Math.min(concurrency, n - i); j++) {
        batch.add(fake.slashAsync(ALERTS, ALICE, "status", Map.of()));
      }
      batch.forEach(r -> r.awaitAnswer(Duration.ofSeconds(4)));
      results.addAll(batch);
    }
    return results;
  }

  private static void report(List<SlashResult> results, double seconds) {
    long[] millis =
        results.stream()
            .map(SlashResult::ackLatency)
            .filter(java.util.Optional::isPresent)
            .mapToLong(d -> d.get().toNanos() / 1_000)
            .sorted()
            .toArray();
    long unanswered = results.size() - millis.length;
    System.out.printf(
        "%d /status in %.1f s (%.0f/s), unanswered within 3 s: %d%n",
        results.size(), seconds, results.size() / seconds, unanswered);
    if (millis.length > 0) {
      System.out.printf(
          "ack latency (gateway dispatch -> first callback): p50 %.1f ms, p90 %.1f ms,"
              + " p99 %.1f ms, max %.1f ms (goal p99 <= 500 ms)%n",
          pct(millis, 50), pct(millis, 90), pct(millis, 99), millis[millis.length - 1] / 1000.0);
    }
  }

  private static double pct(long[] sortedMicros, int p) {
    int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
    return sortedMicros[Math.max(0, index)] / 1000.0;
  }

  private static String config(int targets) {
    var yaml = new StringBuilder("data_dir: data\nhosts:\n");
    for (int i = 0; i < targets; i++) {
      yaml.append("  host").append(i).append(": {address: 127.0.0.1}\n");
    }
    yaml.append(
        """
        discord:
          token: ${DISCORD_TOKEN}
          guild: "%s"
          channels: {alerts: "%s"}
          roles: {view: ["%s"]}
        """
            .formatted(GUILD, ALERTS, ONCALL));
    return yaml.toString();
  }

  private static int intOption(String[] args, String name, int fallback) {
    int i = Arrays.asList(args).indexOf(name);
    return i >= 0 && i + 1 < args.length ? Integer.parseInt(args[i + 1]) : fallback;
  }
}
