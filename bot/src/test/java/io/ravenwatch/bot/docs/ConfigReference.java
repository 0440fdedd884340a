package io.ravenwatch.bot.docs;

import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the configuration reference as Markdown from the configuration records themselves: every
 * key (snake_case of the record component, as the binder reads it), its type, its default or
 * whether it is required, and the description from the record's {@code @param} Javadoc in the
 * source. Generated, so it cannot drift from what the binder accepts.
 */
final class ConfigReference {
  /** Records the binder reads from one scalar ({@code 64MiB}, {@code ${ENV}}). */
  private static final java.util.Set<String> SCALAR_RECORDS =
      java.util.Set.of("DataSize", "Secret");

  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

  private final Path root;
  private final Map<String, String> sources = new HashMap<>();
  private final StringBuilder out = new StringBuilder();

  /**
   * @param root the repository root, whose modules' {@code src/main/java} hold the records' sources
   */
  ConfigReference(Path root) {
    this.root = root;
  }

  /** Starts a part of the document: a heading and a paragraph. */
  ConfigReference heading(String title, String text) {
    out.append("\n## ").append(title).append("\n\n");
    if (!text.isEmpty()) {
      out.append(text).append("\n\n");
    }
    return this;
  }

  /** A table of the keys of {@code type} under {@code prefix}, nested records expanded. */
  ConfigReference table(String prefix, Class<?> type) {
    out.append("| key | type | default | description |\n|---|---|---|---|\n");
    rows(prefix, type, 0);
    out.append('\n');
    return this;
  }

  /** A paragraph of hand-written Markdown (e.g. for a key whose type depends on another). */
  ConfigReference text(String markdown) {
    out.append(markdown).append("\n\n");
    return this;
  }

  String markdown() {
    return out.toString();
  }

  private void rows(String prefix, Class<?> type, int depth) {
    if (depth > 6) {
      throw new IllegalStateException("configuration records nest too deep at " + prefix);
    }
    Map<String, String> params = params(type);
    for (RecordComponent c : type.getRecordComponents()) {
      String key = prefix + snake(c.getName());
      Class<?> nested = nestedRecord(c.getGenericType());
      out.append("| `")
          .append(key)
          .append("` | ")
          .append(typeName(c.getGenericType()))
          .append(" | ")
          .append(requirement(c))
          .append(" | ")
          .append(cell(params.getOrDefault(c.getName(), "")))
          .append(" |\n");
      if (nested != null) {
        rows(key + containerSuffix(c.getGenericType()), nested, depth + 1);
      }
    }
  }

  private static String requirement(RecordComponent c) {
    Default d = c.getAnnotation(Default.class);
    if (d != null) {
      return d.value().isEmpty() ? "`\"\"`" : "`" + d.value() + "`";
    }
    return c.isAnnotationPresent(OptionalKey.class) ? "optional" : "**required**";
  }

  /** {@code .}, {@code .<name>.} for maps, {@code [].} for lists. */
  private static String containerSuffix(Type t) {
    if (t instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (raw == Map.class) {
        return ".<name>.";
      }
      if (raw == List.class) {
        return "[].";
      }
    }
    return ".";
  }

  private static Class<?> nestedRecord(Type t) {
    Class<?> c = element(t);
    return c != null && c.isRecord() && !SCALAR_RECORDS.contains(c.getSimpleName()) ? c : null;
  }

  /** The record a component holds, directly or as the element of a list or the value of a map. */
  private static Class<?> element(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      Type last = args[args.length - 1];
      return last instanceof Class<?> c ? c : null;
    }
    return null;
  }

  static String typeName(Type t) {
    if (t instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == List.class || raw == java.util.Set.class) {
        return "list of " + typeName(args[0]);
      }
      if (raw == Map.class) {
        return "map of " + typeName(args[1]);
      }
      return raw.getSimpleName();
    }
    if (!(t instanceof Class<?> c)) {
      return t.getTypeName();
    }
    if (c == String.class) {
      return "text";
    }
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
      return "integer";
    }
    if (c == double.class || c == Double.class) {
      return "number";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "true/false";
    }
    if (c == Duration.class) {
      return "duration (`30s`, `5m`)";
    }
    if (c.getSimpleName().equals("DataSize")) {
      return "size (`64MiB`)";
    }
    if (c == Pattern.class) {
      return "regex";
    }
    if (c == Path.class) {
      return "path";
    }
    if (c.getSimpleName().equals("Secret")) {
      return "secret (`${ENV_VAR}`)";
    }
    if (c.isEnum()) {
      return Arrays.stream(c.getEnumConstants())
          .map(e -> "`" + ((Enum<?>) e).name().toLowerCase(Locale.ROOT) + "`")
          .collect(Collectors.joining(", "));
    }
    if (c == Object.class) {
      return "any";
    }
    if (c.isRecord()) {
      return "section";
    }
    return c.getSimpleName();
  }

  static String snake(String camel) {
    Matcher m = CAMEL.matcher(camel);
    return m.replaceAll("$1_$2").toLowerCase(Locale.ROOT);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  /** The {@code @param} descriptions of a record's Javadoc, by component name. */
  Map<String, String> params(Class<?> type) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    String source = source(top);
    int at = source.indexOf("record " + type.getSimpleName() + "(");
    if (at < 0) {
      at = source.indexOf("record " + type.getSimpleName() + "<");
    }
    var params = new LinkedHashMap<String, String>();
    if (at < 0) {
      return params;
    }
    int end = source.lastIndexOf("*/", at);
    int start = source.lastIndexOf("/**", at);
    if (start < 0 || end < start || !onlyModifiers(source.substring(end + 2, at))) {
      return params;
    }
    String doc =
        Arrays.stream(source.substring(start + 3, end).split("\n"))
            .map(l -> l.strip().replaceFirst("^\\*\\s?", ""))
            .collect(Collectors.joining("\n"));
    Matcher m =
        Pattern.compile("@param\\s+(\\w+)\\s+(.*?)(?=\\n@|\\z)", Pattern.DOTALL).matcher(doc);
    while (m.find()) {
      params.put(m.group(1), javadocToMarkdown(m.group(2).strip().replaceAll("\\s+", " ")));
    }
    return params;
  }

  private static boolean onlyModifiers(String between) {
    String rest =
        between
            .replaceAll("@\\w+(\\([^)]*\\))?", "")
            .replaceAll("\\b(public|static|final|private|protected|sealed)\\b", "");
    return rest.isBlank();
  }

  /** {@code {@code x}} → `x` (braces inside balanced, as javadoc reads them), links to names. */
  static String javadocToMarkdown(String text) {
    var out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int tag = text.indexOf("{@", i);
      if (tag < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, tag);
      int depth = 0;
      int end = tag;
      for (; end < text.length(); end++) {
        char ch = text.charAt(end);
        depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
        if (depth == 0) {
          break;
        }
      }
      String inner = text.substring(tag + 2, Math.min(end, text.length()));
      int space = inner.indexOf(' ');
      String kind = space < 0 ? inner : inner.substring(0, space);
      String body = space < 0 ? "" : inner.substring(space + 1);
      if (kind.equals("code") || kind.equals("literal")) {
        out.append('`').append(body).append('`');
      } else {
        // {@link Type#member label}: the label, else the member or type
        int label = body.indexOf(' ');
        out.append(label < 0 ? body.replaceFirst("^#", "") : body.substring(label + 1));
      }
      i = end + 1;
    }
    return out.toString().replaceAll("<[^>]+>", "");
  }

  private String source(Class<?> top) {
    String relative = top.getName().replace('.', '/') + ".java";
    return sources.computeIfAbsent(
        relative,
        r -> {
          try (Stream<Path> modules = Files.list(root)) {
            List<Path> found = new ArrayList<>();
            for (Path module : modules.toList()) {
              Path candidate = module.resolve("src/main/java").resolve(r);
              if (Files.isRegularFile(candidate)) {
                found.add(candidate);
              }
            }
            return found.isEmpty() ? "" : Files.readString(found.getFirst());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
