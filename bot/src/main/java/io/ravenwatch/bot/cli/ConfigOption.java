package io.ravenwatch.bot.cli;

import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigException;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
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
   * Loads and validates the configuration; on errors prints every one of them to {@code err} and
   * returns empty.
   */
  static Optional<RavenwatchConfig> load(Path file, PrintWriter err) {
    try {
      return Optional.of(ConfigLoader.load(file, System.getenv(), ProbeRegistry.standard()));
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
