package io.ravenwatch.bot.cli;

import io.ravenwatch.bot.Main;
import io.ravenwatch.bot.Ravenwatch;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ravenwatch console}: runs Ravenwatch with the console chat, whatever the token. */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Ravenwatch (polling, alerts) and the chat commands on this console, as /status,",
      "/silence, /ack … would work in Discord. Stops at 'quit', end of input, Ctrl-C or SIGTERM."
    })
public final class ConsoleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    var loaded = ConfigOption.load(config.file, spec.commandLine().getErr());
    if (loaded.isEmpty()) {
      return Main.EXIT_CONFIG;
    }
    Clock clock = Clock.systemUTC();
    var app = Ravenwatch.start(loaded.get(), clock, List.of());
    Runnable stop = once(app);
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "ravenwatch-shutdown"));
    try {
      ConsoleSession.run(loaded.get(), app, clock, System.in, System.out);
    } finally {
      stop.run();
    }
    return 0;
  }

  /** Closes the application once, whether the console or a shutdown hook gets there first. */
  static Runnable once(Ravenwatch app) {
    var closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        app.close();
      }
    };
  }
}
