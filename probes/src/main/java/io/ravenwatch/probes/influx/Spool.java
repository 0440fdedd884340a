package io.ravenwatch.probes.influx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded on-disk queue of points InfluxDB has not taken yet: {@link SpoolSegment}s in one
 * directory, replayed oldest first (by sequence number) and deleted once written. When an append
 * would pass {@code maxBytes}, the oldest segments are dropped — recent data is worth more to
 * someone looking at a dashboard after an outage. Thread-safe.
 */
final class Spool {
  private static final Logger logger = LoggerFactory.getLogger(Spool.class);

  private final Path dir;
  private final long maxBytes;
  private final TreeMap<Long, SpoolSegment> segments = new TreeMap<>();
  private long bytes;
  private long points;

  private Spool(Path dir, long maxBytes) {
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  /**
   * Opens (creating it if needed) the spool in {@code dir}, indexing the segments already there. A
   * {@code .tmp} file left by a crash mid-write is salvaged: its complete lines become a segment.
   */
  static Spool open(Path dir, long maxBytes) throws IOException {
    Files.createDirectories(dir);
    Spool spool = new Spool(dir, maxBytes);
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.sorted().toList();
    }
    for (Path file : files) {
      Optional<SpoolSegment> parsed = SpoolSegment.parse(file, Files.size(file));
      if (parsed.isEmpty()) {
        if (!file.getFileName().toString().endsWith(".corrupt")) {
          logger.warn("Ignoring {}: not a spool segment", file);
        }
      } else if (parsed.get().temporary()) {
        spool.salvage(parsed.get());
      } else {
        spool.index(parsed.get());
      }
    }
    return spool;
  }

  /** What an append did to the spool. */
  record Appended(int spooled, int dropped) {}

  /**
   * Appends a batch as segment {@code seq}, first dropping the oldest segments (or, for a batch
   * bigger than the whole spool, its own oldest lines) as needed to stay within the bound.
   */
  synchronized Appended append(long seq, List<String> lines) throws IOException {
    if (segments.containsKey(seq)) {
      throw new IllegalStateException("spool segment " + seq + " exists already");
    }
    byte[] body = SpoolSegment.encode(lines);
    int dropped = 0;
    List<String> kept = lines;
    while (body.length > maxBytes && !kept.isEmpty()) {
      int cut = Math.max(1, kept.size() / 10);
      kept = kept.subList(cut, kept.size());
      dropped += cut;
      body = SpoolSegment.encode(kept);
    }
    while (!segments.isEmpty() && bytes + body.length > maxBytes) {
      SpoolSegment oldest = segments.firstEntry().getValue();
      delete(oldest);
      dropped += oldest.points();
    }
    if (dropped > 0) {
      logger.warn(
          "Spool {} is full ({} bytes max): dropped the {} oldest points; InfluxDB has been"
              + " unreachable for too long or spoolMaxSize is too small",
          dir,
          maxBytes,
          dropped);
    }
    if (kept.isEmpty()) {
      return new Appended(0, dropped);
    }
    index(SpoolSegment.write(dir, seq, kept.size(), body));
    return new Appended(kept.size(), dropped);
  }

  /** The oldest segments holding at most {@code maxPoints} points together (at least one). */
  synchronized List<SpoolSegment> oldest(int maxPoints) {
    List<SpoolSegment> result = new ArrayList<>();
    int total = 0;
    for (SpoolSegment s : segments.values()) {
      if (!result.isEmpty() && total + s.points() > maxPoints) {
        break;
      }
      result.add(s);
      total += s.points();
    }
    return result;
  }

  /**
   * Reads a segment's lines; a segment that cannot be read at all is renamed {@code *.corrupt},
   * left for a person to look at, and reads as empty.
   */
  List<String> read(SpoolSegment segment) {
    try {
      SpoolSegment.Contents contents = segment.read();
      if (contents.torn() || !contents.validUtf8() || contents.lines().size() != segment.points()) {
        logger.warn(
            "Spool segment {} is damaged (expected {} points, read {}; torn last line: {}; valid"
                + " UTF-8: {}): replaying what can be read",
            segment.path(),
            segment.points(),
            contents.lines().size(),
            contents.torn(),
            contents.validUtf8());
      }
      return contents.lines();
    } catch (IOException e) {
      synchronized (this) {
        if (segments.remove(segment.seq()) != null) {
          bytes -= segment.bytes();
          points -= segment.points();
        }
      }
      Path aside = segment.path().resolveSibling(segment.path().getFileName() + ".corrupt");
      logger.warn("Cannot read spool segment {} ({}): moving it to {}", segment.path(), e, aside);
      try {
        Files.move(segment.path(), aside);
      } catch (IOException moveFailed) {
        logger.warn("Cannot move {} aside: {}", segment.path(), moveFailed.toString());
      }
      return List.of();
    }
  }

  /** Deletes written segments; segments dropped meanwhile are skipped. */
  synchronized void remove(Collection<SpoolSegment> written) throws IOException {
    for (SpoolSegment s : written) {
      if (segments.get(s.seq()) == s) {
        delete(s);
      }
    }
  }

  synchronized boolean isEmpty() {
    return segments.isEmpty();
  }

  synchronized long bytes() {
    return bytes;
  }

  synchronized long points() {
    return points;
  }

  /** The largest sequence number in the spool, or -1. */
  synchronized long lastSeq() {
    return segments.isEmpty() ? -1 : segments.lastKey();
  }

  Path dir() {
    return dir;
  }

  private void index(SpoolSegment s) {
    segments.put(s.seq(), s);
    bytes += s.bytes();
    points += s.points();
  }

  private void delete(SpoolSegment s) throws IOException {
    Files.deleteIfExists(s.path());
    segments.remove(s.seq());
    bytes -= s.bytes();
    points -= s.points();
  }

  private void salvage(SpoolSegment tmp) throws IOException {
    SpoolSegment.Contents contents = tmp.read();
    if (!contents.lines().isEmpty() && !segments.containsKey(tmp.seq())) {
      List<String> lines = contents.lines();
      index(SpoolSegment.write(dir, tmp.seq(), lines.size(), SpoolSegment.encode(lines)));
    }
    Files.deleteIfExists(tmp.path());
    logger.warn(
        "Recovered {} points from {}, a spool segment whose write was interrupted",
        contents.lines().size(),
        tmp.path());
  }
}
