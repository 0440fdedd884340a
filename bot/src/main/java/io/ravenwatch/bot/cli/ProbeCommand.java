package io.ravenwatch.bot.cli;

import io.ravenwatch.bot.Main;
import io.ravenwatch.bot.console.ResultPrinter;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.schedule.PollScheduler;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ravenwatch probe TARGET}: runs one target's probes once and prints what they saw. */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every probe of one target once, concurrently, and prints each result with its",
      "points. Nothing is written to InfluxDB. Exits with 1 when a probe did not succeed."
    })
public final class ProbeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Parameters(paramLabel = "TARGET", description = "A host or service name from the inventory.")
  String targetName;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var loaded = ConfigOption.load(config.file, err);
    if (loaded.isEmpty()) {
      return Main.EXIT_CONFIG;
    }
    var inventory = loaded.get().config().inventory();
    var target = inventory.find(targetName);
    if (target.isEmpty()) {
      err.println(
          "Unknown target '"
              + targetName
              + "'. Known targets: "
              + String.join(", ", inventory.names()));
      err.flush();
      return Main.EXIT_CONFIG;
    }
    List<ProbeResult> results =
        run(
            target.get(),
            ProbeRegistry.standard(
                loaded.get().config()::ipmiProfiles, loaded.get().config()::containerEngines));
    for (ProbeResult r : results) {
      out.println(ResultPrinter.format(r));
      for (Point p : r.points()) {
        out.println("    " + p.measurement() + " " + p.tags() + " " + p.fields());
      }
    }
    out.flush();
    return results.stream().allMatch(ProbeResult::ok) ? 0 : 1;
  }

  private static List<ProbeResult> run(Target target, ProbeRegistry registry)
      throws InterruptedException {
    try (var resources = new ProbeResources(Clock.systemUTC());
        var scheduler =
            new PollScheduler(
                List.of(target),
                registry,
                resources,
                r -> {},
                (type, elapsed, status) -> {},
                PollScheduler.Settings.defaults())) {
      return scheduler.runOnce(target);
    }
  }
}
