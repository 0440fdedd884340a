package io.ravenwatch.probes.config;

import java.util.Objects;

/**
 * One configuration problem, printed as {@code path.to.key: expected … Found: …}.
 *
 * @param path where the problem is, e.g. {@code hosts.db1.probes[2].timeout}; for YAML syntax
 *     errors the file name with its line and column, e.g. {@code ravenwatch.yml:12:5}
 * @param expected what a valid value looks like
 * @param found what was there, already rendered (strings in quotes, {@code nothing} when absent)
 */
public record ConfigError(String path, String expected, String found) {

  public ConfigError {
    Objects.requireNonNull(path);
    Objects.requireNonNull(expected);
    Objects.requireNonNull(found);
  }

  /** The line shown to the user: {@code path: expected … Found: …}. */
  public String line() {
    return path + ": expected " + expected + ". Found: " + found;
  }

  @Override
  public String toString() {
    return line();
  }
}
