package io.ravenwatch.probes.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems while a configuration is bound and checked, so that all of them are reported at
 * once. Paths are built with {@link #key} and {@link #index}.
 */
public final class ConfigErrors {
  private final List<ConfigError> errors = new ArrayList<>();

  /** Records a problem; {@code found} is rendered by {@link Found#render}. */
  public void add(String path, String expected, Object found) {
    errors.add(
        new ConfigError(path.isEmpty() ? "(top level)" : path, expected, Found.render(found)));
  }

  /** A {@link ConfigProblems} that reports relative to {@code path} (for {@link Validatable}). */
  public ConfigProblems under(String path) {
    return (key, expected, found) -> add(key(path, key), expected, found);
  }

  /** Whether any problem was recorded at {@code path} or below it. */
  public boolean hasErrorAt(String path) {
    String shown = path.isEmpty() ? "(top level)" : path;
    return errors.stream()
        .map(ConfigError::path)
        .anyMatch(
            p ->
                p.equals(shown)
                    || p.startsWith(shown + ".")
                    || p.startsWith(shown + "[")
                    || path.isEmpty());
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public int size() {
    return errors.size();
  }

  public List<ConfigError> list() {
    return List.copyOf(errors);
  }

  /**
   * Throws a {@link ConfigException} with everything collected so far, if anything was.
   *
   * @throws ConfigException when a problem was recorded
   */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
  }

  /** The path of {@code key} under {@code parent}; {@code key} may itself be a path or empty. */
  public static String key(String parent, String key) {
    if (key == null || key.isEmpty()) {
      return parent;
    }
    if (parent.isEmpty()) {
      return key;
    }
    return key.startsWith("[") ? parent + key : parent + "." + key;
  }

  /** The path of list element {@code i} under {@code parent}. */
  public static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }
}
