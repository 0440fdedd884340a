package io.ravenwatch.probes.influx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spool file: a batch of line protocol, one point per line, named {@code
 * <sequence>-<points>.lp} so that the spool can be ordered and counted without reading it. Written
 * atomically (temporary file, fsync, rename, fsync of the directory): a crash leaves either the
 * whole segment or a {@code .tmp} file, never half a segment under a real name.
 *
 * @param seq the batch's place in the stream of points (older batches have smaller numbers)
 * @param points the number of lines
 * @param bytes the file's size
 * @param path the file
 */
record SpoolSegment(long seq, int points, long bytes, Path path) {
  static final String SUFFIX = ".lp";
  static final String TMP_SUFFIX = ".lp.tmp";
  private static final Pattern NAME = Pattern.compile("(\\d{20})-(\\d+)\\.lp(\\.tmp)?");

  /** The bytes a batch of lines takes on disk. */
  static byte[] encode(List<String> lines) {
    StringBuilder sb = new StringBuilder(lines.size() * 128);
    for (String line : lines) {
      sb.append(line).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Writes {@code body} (from {@link #encode}) as segment {@code seq} in {@code dir}. */
  static SpoolSegment write(Path dir, long seq, int points, byte[] body) throws IOException {
    String name = "%020d-%d".formatted(seq, points);
    Path tmp = dir.resolve(name + TMP_SUFFIX);
    Path target = dir.resolve(name + SUFFIX);
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(body);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory(dir);
    return new SpoolSegment(seq, points, body.length, target);
  }

  /** The segment a file name describes, if it is one ({@code .tmp} files included). */
  static Optional<SpoolSegment> parse(Path file, long bytes) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new SpoolSegment(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), bytes, file));
  }

  boolean temporary() {
    return path.getFileName().toString().endsWith(TMP_SUFFIX);
  }

  /**
   * Reads the segment's complete lines. Leniently: a last line without its newline (a torn write)
   * is left out and reported, bytes that are not UTF-8 become U+FFFD (InfluxDB will refuse such a
   * line, which is counted, rather than the whole spool being stuck behind it).
   */
  Contents read() throws IOException {
    byte[] raw = Files.readAllBytes(path);
    String text;
    boolean valid = true;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(raw))
              .toString();
    } catch (CharacterCodingException e) {
      valid = false;
      text = decodeReplacing(raw);
    }
    int end = text.lastIndexOf('\n');
    boolean torn = end < text.length() - 1;
    List<String> lines = new ArrayList<>(points);
    if (end >= 0) {
      for (String line : text.substring(0, end).split("\n", -1)) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    return new Contents(lines, torn, valid);
  }

  private static String decodeReplacing(byte[] raw) {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(raw));
      return chars.toString();
    } catch (CharacterCodingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static void syncDirectory(Path dir) {
    // makes the rename itself durable; some platforms cannot open a directory, which is fine there
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // best effort
    }
  }

  /**
   * A segment's readable lines.
   *
   * @param lines the complete lines
   * @param torn whether a trailing incomplete line was left out
   * @param validUtf8 whether the file was valid UTF-8
   */
  record Contents(List<String> lines, boolean torn, boolean validUtf8) {}
}
