package io.ravenwatch.probes.api;

import java.util.Map;

/**
 * InfluxDB line protocol with its escaping rules; package-private, reached through {@link Point}.
 */
final class LineProtocol {
  private LineProtocol() {}

  static String format(Point p) {
    var sb = new StringBuilder(128);
    escape(sb, p.measurement(), true);
    for (Map.Entry<String, String> t : p.tags().entrySet()) {
      sb.append(',');
      escape(sb, t.getKey(), false);
      sb.append('=');
      escape(sb, t.getValue(), false);
    }
    sb.append(' ');
    boolean first = true;
    for (Map.Entry<String, Object> f : p.fields().entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      escape(sb, f.getKey(), false);
      sb.append('=');
      switch (f.getValue()) {
        case Long l -> sb.append(l).append('i');
        case Double d -> sb.append(d);
        case Boolean b -> sb.append(b);
        case String s -> {
          sb.append('"');
          for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
              sb.append('\\');
            }
            sb.append(c == '\n' ? ' ' : c);
          }
          sb.append('"');
        }
        default -> throw new IllegalStateException("unexpected field type");
      }
    }
    long nanos = p.time().getEpochSecond() * 1_000_000_000L + p.time().getNano();
    sb.append(' ').append(nanos);
    return sb.toString();
  }

  private static void escape(StringBuilder sb, String s, boolean measurement) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == ' ' || (!measurement && c == '=') || c == '\\') {
        sb.append('\\');
      }
      sb.append(c == '\n' ? ' ' : c);
    }
  }
}
