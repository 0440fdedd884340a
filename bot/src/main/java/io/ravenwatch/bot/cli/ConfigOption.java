package io.ravenwatch.bot.cli;

import io.ravenwatch.bot.Setup;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by commands, and how they load it. */
public final class ConfigOption {

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      defaultValue = "config/ravenwatch.yml",
      description = "The configuration file (default: ${DEFAULT-VALUE}).")
  Path file;

  /**
   * Loads and validates the configuration and the rule files; on errors prints every one of them to
   * {@code err} and returns empty.
   */
  static Optional<Setup> load(Path file, PrintWriter err) {
    try {
      return Optional.of(Setup.load(file, System.getenv()));
    } catch (ConfigException e) {
      err.println(file + ": " + e.errors().size() + " configuration error(s):");
      for (ConfigError error : e.errors()) {
        err.println("  " + error.line());
      }
      err.flush();
      return Optional.empty();
    }
  }
}
