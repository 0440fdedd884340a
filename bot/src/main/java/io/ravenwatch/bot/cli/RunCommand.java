package io.ravenwatch.bot.cli;

import io.ravenwatch.bot.Main;
import io.ravenwatch.bot.Ravenwatch;
import io.ravenwatch.bot.console.ResultPrinter;
import io.ravenwatch.bot.discord.DiscordChat;
import io.ravenwatch.bot.discord.DiscordEndpoints;
import io.ravenwatch.bot.discord.DiscordStartException;
import io.ravenwatch.probes.api.ResultListener;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ravenwatch run}: polls the inventory until stopped (Ctrl-C or SIGTERM). */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Polls every target of the inventory on its schedule and writes the results to InfluxDB",
      "(or to the on-disk spool when InfluxDB is not configured or unreachable).",
      "Stops cleanly on Ctrl-C or SIGTERM: points still in memory are written or spooled.",
      "With a Discord token (discord.token), the chat commands run in Discord (the guild,",
      "channels and roles are checked first); without one and on an interactive terminal,",
      "they run on the console (as with 'ravenwatch console')."
    })
public final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not print probe results on the console (first result and changes).")
  boolean quiet;

  /** Where the Discord chat connects: Discord itself, or a protocol fake in tests. */
  DiscordEndpoints endpoints = DiscordEndpoints.DISCORD;

  @Override
  public Integer call() throws InterruptedException {
    var loaded = ConfigOption.load(config.file, spec.commandLine().getErr());
    if (loaded.isEmpty()) {
      return Main.EXIT_CONFIG;
    }
    List<ResultListener> listeners = quiet ? List.of() : List.of(new ResultPrinter(System.out));
    Clock clock = Clock.systemUTC();
    var app = Ravenwatch.start(loaded.get(), clock, listeners);
    var stopped = new CountDownLatch(1);
    var chat = new AtomicReference<DiscordChat>();
    Runnable stopApp = ConsoleCommand.once(app);
    // The chat goes first: answers under way still reach a running application.
    Runnable stop =
        () -> {
          DiscordChat discord = chat.getAndSet(null);
          if (discord != null) {
            app.discordLink().disconnect();
            discord.close();
          }
          stopApp.run();
        };
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.run();
                  stopped.countDown();
                },
                "ravenwatch-shutdown"));
    if (loaded.get().discord().hasToken()) {
      try {
        DiscordChat discord = DiscordSession.start(loaded.get(), app, clock, endpoints);
        chat.set(discord);
        app.discordLink().connect(discord.jda());
      } catch (DiscordStartException e) {
        spec.commandLine().getErr().println(e.getMessage());
        stop.run();
        return Main.EXIT_CONFIG;
      }
    } else if (System.console() != null) {
      // No Discord: the same commands on this terminal.
      ConsoleSession.run(loaded.get(), app, clock, System.in, System.out);
      stop.run();
      return 0;
    }
    stopped.await();
    return 0;
  }
}
