package io.ravenwatch.bot.cli;

import io.ravenwatch.bot.Main;
import io.ravenwatch.bot.Ravenwatch;
import io.ravenwatch.bot.console.ResultPrinter;
import io.ravenwatch.probes.api.ResultListener;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
      "Without a Discord token (discord.token) and on an interactive terminal, the chat",
      "commands run on the console (as with 'ravenwatch console')."
    })
public final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not print probe results on the console (first result and changes).")
  boolean quiet;

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
    Runnable stop = ConsoleCommand.once(app);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.run();
                  stopped.countDown();
                },
                "ravenwatch-shutdown"));
    if (!loaded.get().discord().hasToken() && System.console() != null) {
      // No Discord: the same commands on this terminal.
      ConsoleSession.run(loaded.get(), app, clock, System.in, System.out);
      stop.run();
      return 0;
    }
    stopped.await();
    return 0;
  }
}
