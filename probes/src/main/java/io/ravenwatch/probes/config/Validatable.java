package io.ravenwatch.probes.config;

/**
 * A configuration record with checks beyond types (ranges, one key requiring another). Called after
 * binding; reports every problem instead of throwing at the first.
 *
 * <pre>{@code
 * record Settings(int port) implements Validatable {
 *   public void validate(ConfigProblems problems) {
 *     if (port < 1 || port > 65535) problems.report("port", "a port from 1 to 65535", port);
 *   }
 * }
 * }</pre>
 */
public interface Validatable {
  void validate(ConfigProblems problems);
}
