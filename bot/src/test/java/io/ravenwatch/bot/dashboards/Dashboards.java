package io.ravenwatch.bot.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The shipped Grafana dashboards ({@code dashboards/*.json}) and every InfluxQL query in them. */
final class Dashboards {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FROM =
      Pattern.compile("(?i)\\bFROM\\s+(?!\\()(\"[^\"]+\"(?:\\s*,\\s*\"[^\"]+\")*)");
  private static final Pattern NAME = Pattern.compile("\"([^\"]+)\"");

  private Dashboards() {}

  /** Where a query sits: a panel's target, a template variable or an annotation. */
  enum Kind {
    PANEL,
    VARIABLE,
    ANNOTATION
  }

  /**
   * One query of a dashboard.
   *
   * @param owner the panel's title, the variable's or the annotation's name
   * @param row the title of the row a panel is in; empty for a panel above every row, a variable or
   *     an annotation
   * @param refId the target's refId (panels), or empty
   */
  record Query(String dashboard, Kind kind, String owner, String row, String refId, String text) {
    /** Names the query in a failure message. */
    String describe() {
      return dashboard
          + " / "
          + kind.name().toLowerCase()
          + " \""
          + owner
          + "\""
          + (refId.isEmpty() ? "" : " " + refId)
          + ": "
          + text;
    }
  }

  /** One dashboard file. */
  record Dashboard(String file, JsonNode json) {
    String uid() {
      return json.path("uid").asText();
    }

    String title() {
      return json.path("title").asText();
    }

    /** Every panel, rows included, with the panels nested in collapsed rows. */
    List<JsonNode> panels() {
      var out = new ArrayList<JsonNode>();
      for (JsonNode p : json.path("panels")) {
        out.add(p);
        p.path("panels").forEach(out::add);
      }
      return out;
    }

    List<JsonNode> variables() {
      var out = new ArrayList<JsonNode>();
      json.path("templating").path("list").forEach(out::add);
      return out;
    }

    /** The annotations that query InfluxDB (not Grafana's built-in one). */
    List<JsonNode> annotations() {
      var out = new ArrayList<JsonNode>();
      for (JsonNode a : json.path("annotations").path("list")) {
        if (!a.path("builtIn").asBoolean(false)) {
          out.add(a);
        }
      }
      return out;
    }

    /**
     * The title of the row each panel is in: a collapsed row holds its panels, an open row is
     * followed by them (up to the next row).
     */
    private Map<JsonNode, String> rows() {
      var out = new IdentityHashMap<JsonNode, String>();
      String row = "";
      for (JsonNode p : json.path("panels")) {
        if (p.path("type").asText().equals("row")) {
          row = p.path("title").asText();
          for (JsonNode nested : p.path("panels")) {
            out.put(nested, row);
          }
        } else {
          out.put(p, row);
        }
      }
      return out;
    }

    List<Query> queries() {
      var out = new ArrayList<Query>();
      Map<JsonNode, String> rows = rows();
      for (JsonNode p : panels()) {
        for (JsonNode t : p.path("targets")) {
          out.add(
              new Query(
                  title(),
                  Kind.PANEL,
                  p.path("title").asText(),
                  rows.getOrDefault(p, ""),
                  t.path("refId").asText(),
                  t.path("query").asText()));
        }
      }
      for (JsonNode v : variables()) {
        out.add(
            new Query(
                title(), Kind.VARIABLE, v.path("name").asText(), "", "", v.path("query").asText()));
      }
      for (JsonNode a : annotations()) {
        out.add(
            new Query(
                title(),
                Kind.ANNOTATION,
                a.path("name").asText(),
                "",
                "",
                a.path("query").asText()));
      }
      return out;
    }
  }

  /** The repository's {@code dashboards/} directory (tests run in the module directory). */
  static Path directory() {
    for (Path candidate : List.of(Path.of("dashboards"), Path.of("..", "dashboards"))) {
      if (Files.isDirectory(candidate.resolve("provisioning"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException(
        "no dashboards/ directory next to " + Path.of("").toAbsolutePath());
  }

  /** Every {@code dashboards/*.json}, parsed. */
  static List<Dashboard> all() {
    try (Stream<Path> files = Files.list(directory())) {
      var out = new ArrayList<Dashboard>();
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        out.add(new Dashboard(f.getFileName().toString(), JSON.readTree(f.toFile())));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The measurements a query names after {@code FROM} (subqueries are looked into). */
  static List<String> measurements(String query) {
    var out = new ArrayList<String>();
    Matcher m = FROM.matcher(query);
    while (m.find()) {
      Matcher n = NAME.matcher(m.group(1));
      while (n.find()) {
        out.add(n.group(1));
      }
    }
    return out;
  }

  /** Whether every FROM of the query names quoted measurements or a subquery. */
  static boolean fromIsQuoted(String query) {
    return Pattern.compile("(?i)\\bFROM\\s+(?![\"(])").matcher(query).results().findAny().isEmpty();
  }
}
