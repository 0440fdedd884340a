package io.ravenwatch.probes.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An invalid configuration, with every problem found (not only the first). Its message is one
 * {@link ConfigError#line()} per problem: type and key problems in the order of the file, then
 * problems with references between sections (parents, credentials, probe requirements).
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<ConfigError> errors;

  public ConfigException(List<ConfigError> errors) {
    super(errors.stream().map(ConfigError::line).collect(Collectors.joining("\n")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** Every problem, in the order found. */
  public List<ConfigError> errors() {
    return errors;
  }
}
