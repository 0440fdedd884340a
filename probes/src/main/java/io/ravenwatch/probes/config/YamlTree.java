package io.ravenwatch.probes.config;

import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads YAML into plain maps, lists and scalars with SnakeYAML's safe constructor (no arbitrary
 * classes), rejecting duplicate keys. Syntax errors become a {@link ConfigException} naming the
 * line and column.
 */
public final class YamlTree {
  private static final int MAX_SIZE = 10 * 1024 * 1024;

  private YamlTree() {}

  /**
   * Parses one YAML document.
   *
   * @param sourceName shown in syntax errors, e.g. the file name
   * @return a {@code Map}, {@code List}, scalar, or {@code null} for an empty document
   * @throws ConfigException when the text is not valid YAML
   */
  public static Object parse(String yaml, String sourceName) {
    try {
      return newYaml().load(yaml);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      String where =
          mark == null
              ? sourceName
              : sourceName + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      if (e.getContext() != null) {
        problem = e.getContext() + ", " + problem;
      }
      throw syntax(where, problem);
    } catch (YAMLException e) {
      throw syntax(sourceName, e.getMessage());
    }
  }

  /**
   * Parses a scalar as YAML would read it, e.g. an {@link Default} value ({@code "5000"} → 5000).
   */
  static Object parseScalar(String text) {
    return newYaml().load(text);
  }

  private static ConfigException syntax(String where, String problem) {
    String oneLine = problem.replaceAll("\\s+", " ").trim();
    return new ConfigException(List.of(new ConfigError(where, "valid YAML", oneLine)));
  }

  private static Yaml newYaml() {
    var options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(100);
    options.setNestingDepthLimit(50);
    options.setCodePointLimit(MAX_SIZE);
    return new Yaml(new SafeConstructor(options));
  }
}
