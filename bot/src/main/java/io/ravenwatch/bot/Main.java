package io.ravenwatch.bot;

import io.ravenwatch.bot.cli.CheckConfigCommand;
import io.ravenwatch.bot.cli.ConsoleCommand;
import io.ravenwatch.bot.cli.HealthcheckCommand;
import io.ravenwatch.bot.cli.ProbeCommand;
import io.ravenwatch.bot.cli.RunCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ravenwatch} command line: {@code run}, {@code console}, {@code check-config}, {@code
 * probe}, {@code healthcheck}.
 */
@Command(
    name = "ravenwatch",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Monitoring and incident chatops for small ops teams that live in Discord.",
      "Polls hosts and services on a schedule and writes every result to InfluxDB.",
      ""
    },
    subcommands = {
      RunCommand.class,
      ConsoleCommand.class,
      CheckConfigCommand.class,
      ProbeCommand.class,
      HealthcheckCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit status: 0 success, 1 a probe failed (probe) or a runtime error, 2 invalid configuration."
    })
public final class Main implements Runnable {

  /** Exit status for an invalid configuration. */
  public static final int EXIT_CONFIG = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line on the process's console and returns its exit status. */
  public static int execute(String... args) {
    return execute(
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        args);
  }

  /** Runs the command line with the given output and error streams (for tests). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    var cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"ravenwatch " + (v == null ? "development" : v)};
    }
  }
}
