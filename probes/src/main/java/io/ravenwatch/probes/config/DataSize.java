package io.ravenwatch.probes.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size in bytes, written in configuration as {@code 512MiB}, {@code 10MB}, {@code 4096} or {@code
 * 1GiB} (binary and decimal units).
 */
public record DataSize(long bytes) {
  private static final Pattern FORMAT =
      Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)?", Pattern.CASE_INSENSITIVE);

  public DataSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size cannot be negative");
    }
  }

  public static DataSize ofMebibytes(long mib) {
    return new DataSize(mib << 20);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException when it is not a size
   */
  public static DataSize parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size: " + text);
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    long factor =
        switch (unit) {
          case "b" -> 1L;
          case "kb" -> 1_000L;
          case "kib" -> 1L << 10;
          case "mb" -> 1_000_000L;
          case "mib" -> 1L << 20;
          case "gb" -> 1_000_000_000L;
          case "gib" -> 1L << 30;
          case "tb" -> 1_000_000_000_000L;
          case "tib" -> 1L << 40;
          default -> throw new IllegalArgumentException("not a size: " + text);
        };
    return new DataSize(Math.multiplyExact(n, factor));
  }
}
