package io.ravenwatch.alerts.rule;

import java.util.Objects;

/**
 * The text of one rules file and the name its errors are reported under.
 *
 * @param name e.g. {@code disks.yml}
 * @param text YAML
 */
public record RuleSource(String name, String text) {
  public RuleSource {
    Objects.requireNonNull(name);
    Objects.requireNonNull(text);
  }
}
