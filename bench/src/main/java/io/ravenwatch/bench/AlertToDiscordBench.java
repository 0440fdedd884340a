package io.ravenwatch.bench;

import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.engine.AlertsConfig;
import io.ravenwatch.alerts.engine.AlertsSection;
import io.ravenwatch.alerts.notify.NotifierRegistry;
import io.ravenwatch.alerts.notify.NotifierResources;
import io.ravenwatch.alerts.rule.RuleLoader;
import io.ravenwatch.alerts.store.InMemoryAlertStore;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.bot.discord.DiscordConnection;
import io.ravenwatch.bot.discord.DiscordEndpoints;
import io.ravenwatch.bot.discord.alert.DiscordLink;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import io.ravenwatch.testkit.discord.DiscordFake;
import io.ravenwatch.testkit.discord.FakeGuild;
import io.ravenwatch.testkit.discord.FakeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import net.dv8tion.jda.api.JDA;
import okhttp3.OkHttpClient;

/**
 * Probe result that fails → alert message at Discord: the time from handing the alert engine a
 * failed ping result (rule {@code host_down} with {@code for: 0s}, {@code group_wait: 0s}, one
 * group per target) to the incident message arriving at the Discord fake (its arrival time as the
 * fake recorded it), through the real rule evaluator, lifecycle, router, outbox, {@code
 * DiscordNotifier} and JDA. Incidents are fired one after another, each once the previous one's
 * delivery (message, thread, "fired" entry) is done; reports p50, p99 and max.
 *
 * <pre>
 * bench/run AlertToDiscordBench [--incidents 300] [--warmup 30]
 * </pre>
 */
public final class AlertToDiscordBench {
  static final String GUILD = "100000000000000100";
  static final String ALERTS = "100000000000000200";

  public static void main(String[] args) throws Exception {
    int incidents = intArg(args, "--incidents", 300);
    int warmup = intArg(args, "--warmup", 30);
    int targets = incidents + warmup;
    Path rules = Files.createTempDirectory("ravenwatch-bench-rules");
    Files.writeString(rules.resolve("fast.yml"), "override:\n  host_down: {for: 0s}\n");
    var yaml = new StringBuilder("hosts:\n");
    for (int i = 0; i < targets; i++) {
      yaml.append("  host-")
          .append(i)
          .append(": {address: 127.0.0.1, region: eu, probes: [{type: ping}]}\n");
    }
    yaml.append(
        """
        alerts:
          route: {group_wait: 0s, group_by: [alertname, source], receivers: [discord]}
          receivers: {discord: {type: discord, channel: "%s"}}
        """
            .formatted(ALERTS));
    RavenwatchConfig config =
        ConfigLoader.parse(
            yaml.toString(),
            "bench.yml",
            Map.of(),
            ProbeRegistry.standard(),
            List.of(AlertsSection.section(Setup.notifierTypes())));
    AlertsConfig alerts = config.section(AlertsSection.SECTION);
    Clock clock = Clock.systemUTC();
    var http = new OkHttpClient();
    var store = new InMemoryAlertStore();
    try (DiscordFake fake =
        DiscordFake.start(FakeGuild.of(GUILD, "ops").withChannel(ALERTS, "alerts"))) {
      JDA jda =
          DiscordConnection.connect(
              fake.token(), new DiscordEndpoints(fake.restBaseUrl(), fake.gatewayUrl()));
      var link = DiscordLink.of(jda, ALERTS);
      var notifiers =
          NotifierRegistry.build(
              alerts.receivers(),
              new NotifierResources(clock, System.out, http).withService(DiscordLink.class, link));
      try (AlertEngine engine =
          AlertEngine.start(
              alerts,
              RuleLoader.standard().load(rules, true),
              config.inventory(),
              store,
              notifiers,
              config.influx(),
              clock)) {
        var latencies = new ArrayList<Long>();
        for (int i = 0; i < targets; i++) {
          Instant sent = Instant.now();
          engine.onResult(
              new ProbeResult(
                  "host-" + i,
                  "ping",
                  "ping",
                  sent,
                  Duration.ofMillis(1),
                  ProbeResult.Status.FAILED,
                  "100% packet loss",
                  List.of()));
          FakeMessage message = awaitMessage(fake, i + 1);
          Instant arrived =
              Instant.parse(message.versions().getFirst().json().path("timestamp").asText());
          if (i >= warmup) {
            latencies.add(Duration.between(sent, arrived).toNanos());
          }
          awaitDrained(store);
        }
        report(latencies, fake);
      } finally {
        jda.shutdownNow();
        http.dispatcher().executorService().shutdown();
      }
    }
  }

  private static FakeMessage awaitMessage(DiscordFake fake, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<FakeMessage> messages = fake.messages(ALERTS);
      if (messages.size() >= count) {
        return messages.get(count - 1);
      }
      LockSupport.parkNanos(200_000);
    }
    throw new IllegalStateException("message " + count + " did not reach the fake in 30 s");
  }

  private static void awaitDrained(InMemoryAlertStore store) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!store.pending("discord", 1).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the outbox did not drain in 30 s");
      }
      LockSupport.parkNanos(200_000);
    }
  }

  private static void report(List<Long> nanos, DiscordFake fake) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "AlertToDiscordBench: %d incidents, probe result → alert message at the fake:"
            + " p50 %.1f ms, p99 %.1f ms, max %.1f ms (rejections %d)%n",
        sorted.length,
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6,
        sorted[sorted.length - 1] / 1e6,
        fake.rejections().size());
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.clamp(index, 0, sorted.length - 1)];
  }

  private static int intArg(String[] args, String name, int fallback) {
    int i = Arrays.asList(args).indexOf(name);
    return i >= 0 && i + 1 < args.length ? Integer.parseInt(args[i + 1]) : fallback;
  }
}
