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
      "Stops cleanly on Ctrl-C or SIGTERM: points still in memory are written or spooled."
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
    var app = Ravenwatch.start(loaded.get(), Clock.systemUTC(), listeners);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                },
                "ravenwatch-shutdown"));
    stopped.await();
    return 0;
  }
}
