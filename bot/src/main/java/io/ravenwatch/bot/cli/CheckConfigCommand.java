package io.ravenwatch.bot.cli;

import io.ravenwatch.bot.Main;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ravenwatch check-config FILE}: the same validation {@code run} does, and nothing else. */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a configuration file and prints every error at once, each as",
      "'path.to.key: expected ... Found: ...'. Exits with 2 when it is invalid."
    })
public final class CheckConfigCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The configuration file to check.")
  Path file;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    return ConfigOption.load(file, spec.commandLine().getErr())
        .map(
            setup -> {
              out.println(file + ": OK — " + summary(setup.config()));
              out.println(
                  "  alerts: "
                      + (setup.alerts().enabled()
                          ? setup.rules().enabled().size()
                              + " rule(s), "
                              + setup.rules().enabledQueryRules().size()
                              + " query rule(s), receivers "
                              + setup.alerts().receiverNames()
                          : "disabled"));
              out.flush();
              return 0;
            })
        .orElse(Main.EXIT_CONFIG);
  }

  static String summary(RavenwatchConfig config) {
    long hosts =
        config.inventory().targets().stream().filter(t -> t.kind() == Target.Kind.HOST).count();
    long services = config.inventory().size() - hosts;
    long probes = config.inventory().targets().stream().mapToLong(t -> t.probes().size()).sum();
    return hosts
        + " host(s), "
        + services
        + " service(s), "
        + probes
        + " probe(s); InfluxDB "
        + (config.influx().enabled() ? config.influx().url() : "not configured (spool only)");
  }
}
