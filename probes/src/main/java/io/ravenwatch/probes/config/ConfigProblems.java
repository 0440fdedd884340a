package io.ravenwatch.probes.config;

/**
 * Collects configuration problems relative to the record being validated; the binder prefixes the
 * record's own path, so a report of {@code "port"} becomes {@code hosts.db1.probes[0].port: …}.
 */
public interface ConfigProblems {

  /**
   * Reports one problem.
   *
   * @param key the key under the current record, or empty for the record itself
   * @param expected what a valid value looks like, e.g. {@code "a port from 1 to 65535"}
   * @param found the value found (rendered as YAML would show it)
   */
  void report(String key, String expected, Object found);
}
