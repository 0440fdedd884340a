package io.ravenwatch.probes.ipmi;

import io.ravenwatch.probes.ipmi.IpmiProfile.Code;
import io.ravenwatch.probes.ipmi.IpmiProfile.NameSource;
import io.ravenwatch.probes.ipmi.IpmiProfile.Scale;
import io.ravenwatch.probes.ipmi.IpmiProfile.SensorTable;
import io.ravenwatch.probes.ipmi.IpmiProfile.Skip;
import io.ravenwatch.probes.ipmi.IpmiProfile.Status;
import io.ravenwatch.probes.ipmi.IpmiProfile.StatusSource;
import io.ravenwatch.probes.ipmi.IpmiProfile.ThresholdColumns;
import io.ravenwatch.probes.ipmi.IpmiProfile.Thresholds;
import io.ravenwatch.probes.ipmi.IpmiProfile.UnitSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snmp4j.smi.OID;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one profile file and checks it, collecting every problem as {@code file: key.path: what was
 * expected. Found: value} before throwing one {@link IpmiProfileException}.
 */
final class ProfileParser {
  private static final Pattern OID_TEXT = Pattern.compile("\\.?\\d+(\\.\\d+)+");
  private static final Set<String> CODES = Set.of("ok", "warning", "critical");

  private final String source;
  private final List<String> problems = new ArrayList<>();

  private ProfileParser(String source) {
    this.source = source;
  }

  /**
   * Parses {@code yaml} as the profile {@code name}.
   *
   * @param source the file name, used in every message
   * @throws IpmiProfileException listing every problem found
   */
  static IpmiProfile parse(String name, String source, String yaml) {
    return new ProfileParser(source).profile(name, yaml);
  }

  private IpmiProfile profile(String name, String yaml) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      throw new IpmiProfileException(source + ": not valid YAML: " + e.getMessage());
    }
    var tables = new ArrayList<SensorTable>();
    String description = "";
    Map<String, Object> top = map("", root, Set.of("description", "tables"));
    if (top != null) {
      description = top.get("description") == null ? "" : String.valueOf(top.get("description"));
      Map<String, Object> t = map("tables", top.get("tables"), null);
      if (t == null || t.isEmpty()) {
        if (t != null || !top.containsKey("tables")) {
          report("tables", "a map of at least one table", t);
        }
      } else {
        t.forEach((label, body) -> tables.add(table("tables." + label, label, body)));
      }
    }
    if (!problems.isEmpty()) {
      throw new IpmiProfileException(String.join("\n", problems));
    }
    return new IpmiProfile(name, description, source, tables);
  }

  private SensorTable table(String path, String label, Object body) {
    Map<String, Object> m =
        map(
            path,
            body,
            Set.of(
                "entry",
                "optional",
                "name",
                "reading",
                "unit",
                "scale",
                "status",
                "thresholds",
                "threshold_columns",
                "entity_id",
                "skip"));
    if (m == null) {
      return null;
    }
    OID entry = oid(path + ".entry", required(path, m, "entry"));
    boolean optional = m.get("optional") instanceof Boolean b ? b : false;
    if (m.containsKey("optional") && !(m.get("optional") instanceof Boolean)) {
      report(path + ".optional", "true or false", m.get("optional"));
    }
    return new SensorTable(
        label,
        entry,
        optional,
        name(path + ".name", required(path, m, "name")),
        column(path + ".reading", required(path, m, "reading")),
        unit(path + ".unit", required(path, m, "unit")),
        m.containsKey("scale") ? scale(path + ".scale", m.get("scale")) : Scale.NONE,
        m.containsKey("status") ? status(path + ".status", m.get("status")) : null,
        m.containsKey("thresholds") ? thresholds(path + ".thresholds", m.get("thresholds")) : null,
        m.containsKey("threshold_columns")
            ? thresholdColumns(path + ".threshold_columns", m.get("threshold_columns"))
            : null,
        m.containsKey("entity_id") ? column(path + ".entity_id", m.get("entity_id")) : 0,
        m.containsKey("skip") ? skip(path + ".skip", m.get("skip")) : null);
  }

  private NameSource name(String path, Object value) {
    Map<String, Object> m =
        map(path, value, Set.of("table", "column", "fallback_column", "prefix"));
    if (m == null) {
      return null;
    }
    OID table = m.containsKey("table") ? oid(path + ".table", m.get("table")) : null;
    int fallback =
        m.containsKey("fallback_column")
            ? column(path + ".fallback_column", m.get("fallback_column"))
            : 0;
    String prefix = m.get("prefix") == null ? "" : String.valueOf(m.get("prefix"));
    return new NameSource(
        table, column(path + ".column", required(path, m, "column")), fallback, prefix);
  }

  private UnitSource unit(String path, Object value) {
    if (value instanceof String s) {
      return new UnitSource(s, 0, Map.of(), s);
    }
    Map<String, Object> m = map(path, value, Set.of("column", "map", "default"));
    if (m == null) {
      return null;
    }
    var units = new LinkedHashMap<String, String>();
    Map<String, Object> raw = map(path + ".map", required(path, m, "map"), null);
    if (raw != null) {
      raw.forEach((k, v) -> units.put(k, String.valueOf(v)));
    }
    String fallback = m.get("default") == null ? "unspecified" : String.valueOf(m.get("default"));
    return new UnitSource(
        null, column(path + ".column", required(path, m, "column")), units, fallback);
  }

  private Scale scale(String path, Object value) {
    Map<String, Object> m =
        map(path, value, Set.of("divisor", "multiplier", "exponent", "precision_column"));
    if (m == null) {
      return Scale.NONE;
    }
    double divisor = m.containsKey("divisor") ? number(path + ".divisor", m.get("divisor")) : 1;
    if (divisor == 0) {
      report(path + ".divisor", "a number other than 0", 0);
    }
    double multiplier =
        m.containsKey("multiplier") ? number(path + ".multiplier", m.get("multiplier")) : 1;
    int exponentColumn = 0;
    var exponents = new LinkedHashMap<String, Integer>();
    if (m.containsKey("exponent")) {
      String p = path + ".exponent";
      Map<String, Object> e = map(p, m.get("exponent"), Set.of("column", "map"));
      if (e != null) {
        exponentColumn = column(p + ".column", required(p, e, "column"));
        Map<String, Object> raw = map(p + ".map", required(p, e, "map"), null);
        if (raw != null) {
          raw.forEach(
              (k, v) -> {
                if (v instanceof Integer i) {
                  exponents.put(k, i);
                } else {
                  report(p + ".map." + k, "a power of ten (an integer)", v);
                }
              });
        }
      }
    }
    int precision =
        m.containsKey("precision_column")
            ? column(path + ".precision_column", m.get("precision_column"))
            : 0;
    return new Scale(divisor, multiplier, exponentColumn, exponents, precision);
  }

  private StatusSource status(String path, Object value) {
    Map<String, Object> m = map(path, value, Set.of("column", "map"));
    if (m == null) {
      return null;
    }
    var statuses = new LinkedHashMap<String, Status>();
    Map<String, Object> raw = map(path + ".map", required(path, m, "map"), null);
    if (raw != null) {
      raw.forEach(
          (k, v) -> {
            String p = path + ".map." + k;
            Map<String, Object> s = map(p, v, Set.of("code", "desc"));
            if (s != null) {
              Object code = required(p, s, "code");
              Object desc = required(p, s, "desc");
              if (code != null && !CODES.contains(String.valueOf(code))) {
                report(p + ".code", "one of ok, warning, critical", code);
              } else if (code != null && desc != null) {
                statuses.put(
                    k,
                    new Status(
                        Code.valueOf(String.valueOf(code).toUpperCase(Locale.ROOT)),
                        String.valueOf(desc)));
              }
            }
          });
    }
    return new StatusSource(column(path + ".column", required(path, m, "column")), statuses);
  }

  private Thresholds thresholds(String path, Object value) {
    Map<String, Object> m =
        map(
            path,
            value,
            Set.of("warning_above", "critical_above", "warning_below", "critical_below"));
    if (m == null) {
      return null;
    }
    return new Thresholds(
        optionalNumber(path, m, "warning_above"),
        optionalNumber(path, m, "critical_above"),
        optionalNumber(path, m, "warning_below"),
        optionalNumber(path, m, "critical_below"));
  }

  private ThresholdColumns thresholdColumns(String path, Object value) {
    Map<String, Object> m =
        map(
            path,
            value,
            Set.of("warning_above", "critical_above", "warning_below", "critical_below"));
    if (m == null) {
      return null;
    }
    return new ThresholdColumns(
        optionalColumn(path, m, "warning_above"),
        optionalColumn(path, m, "critical_above"),
        optionalColumn(path, m, "warning_below"),
        optionalColumn(path, m, "critical_below"));
  }

  private int optionalColumn(String path, Map<String, Object> m, String key) {
    return m.containsKey(key) ? column(path + "." + key, m.get(key)) : 0;
  }

  private Skip skip(String path, Object value) {
    Map<String, Object> m = map(path, value, Set.of("column", "values"));
    if (m == null) {
      return null;
    }
    var values = new LinkedHashSet<String>();
    Object v = required(path, m, "values");
    if (v instanceof List<?> list && !list.isEmpty()) {
      list.forEach(x -> values.add(String.valueOf(x)));
    } else if (v != null) {
      report(path + ".values", "a non-empty list of column values", v);
    }
    return new Skip(column(path + ".column", required(path, m, "column")), values);
  }

  // --- checks shared by every key

  /** A map with string keys; reports keys not in {@code allowed} (all allowed when null). */
  @SuppressWarnings("unchecked")
  private Map<String, Object> map(String path, Object value, Set<String> allowed) {
    if (!(value instanceof Map<?, ?> raw)) {
      if (value != null || allowed != null) {
        report(path.isEmpty() ? "(top level)" : path, "a map", value);
      }
      return null;
    }
    var m = new LinkedHashMap<String, Object>();
    ((Map<Object, Object>) raw).forEach((k, v) -> m.put(String.valueOf(k), v));
    if (allowed != null) {
      for (String key : m.keySet()) {
        if (!allowed.contains(key)) {
          String where = path.isEmpty() ? key : path + "." + key;
          report(where, "one of the keys " + sorted(allowed) + " (unknown key)", key);
        }
      }
    }
    return m;
  }

  private Object required(String path, Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      report(path.isEmpty() ? key : path + "." + key, "a value (the key is required)", null);
    }
    return v;
  }

  private OID oid(String path, Object value) {
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value).trim();
    if (!OID_TEXT.matcher(text).matches()) {
      report(path, "a numeric OID such as 1.3.6.1.2.1.99.1.1.1", value);
      return null;
    }
    return new OID(text.startsWith(".") ? text.substring(1) : text);
  }

  private int column(String path, Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Integer i && i > 0) {
      return i;
    }
    report(path, "a column number (a positive integer)", value);
    return 0;
  }

  private double number(String path, Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    report(path, "a number", value);
    return 1;
  }

  private Double optionalNumber(String path, Map<String, Object> m, String key) {
    return m.containsKey(key) ? number(path + "." + key, m.get(key)) : null;
  }

  private void report(String key, String expected, Object found) {
    problems.add(
        source + ": " + key + ": " + expected + ". Found: " + (found == null ? "nothing" : found));
  }

  private static String sorted(Set<String> keys) {
    String[] a = keys.toArray(String[]::new);
    Arrays.sort(a);
    return String.join(", ", a);
  }
}
