package io.ravenwatch.probes.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
  @TempDir Path dir;

  private static List<String> lines(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> "m,t=" + prefix + " v=" + i + "i " + i).toList();
  }

  private static List<String> readAll(Spool spool) {
    List<String> all = new ArrayList<>();
    for (SpoolSegment s : spool.oldest(Integer.MAX_VALUE)) {
      all.addAll(spool.read(s));
    }
    return all;
  }

  private List<String> files() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void returnsSegmentsOldestFirstBySequenceNotByArrival() throws IOException {
    Spool spool = Spool.open(dir, 1 << 20);
    spool.append(7, lines("c", 2));
    spool.append(3, lines("a", 2));
    spool.append(5, lines("b", 2));

    assertThat(spool.oldest(100)).extracting(SpoolSegment::seq).containsExactly(3L, 5L, 7L);
    assertThat(readAll(spool))
        .containsExactlyElementsOf(
            Stream.of(lines("a", 2), lines("b", 2), lines("c", 2)).flatMap(List::stream).toList());
  }

  @Test
  void oldestStopsAtTheBatchSizeButAlwaysGivesOneSegment() throws IOException {
    Spool spool = Spool.open(dir, 1 << 20);
    spool.append(1, lines("a", 3));
    spool.append(2, lines("b", 3));
    spool.append(3, lines("c", 3));

    assertThat(spool.oldest(6)).extracting(SpoolSegment::seq).containsExactly(1L, 2L);
    assertThat(spool.oldest(1)).extracting(SpoolSegment::seq).containsExactly(1L);
  }

  @Test
  void countsPointsAndBytesAndForgetsRemovedSegments() throws IOException {
    Spool spool = Spool.open(dir, 1 << 20);
    spool.append(1, lines("a", 3));
    spool.append(2, lines("b", 4));
    long bytes =
        SpoolSegment.encode(lines("a", 3)).length + SpoolSegment.encode(lines("b", 4)).length;
    assertThat(spool.points()).isEqualTo(7);
    assertThat(spool.bytes()).isEqualTo(bytes);

    spool.remove(spool.oldest(3));

    assertThat(spool.points()).isEqualTo(4);
    assertThat(files()).containsExactly("00000000000000000002-4.lp");
  }

  @Test
  void leavesNoTemporaryFileAndNamesSegmentsBySequenceAndCount() throws IOException {
    Spool spool = Spool.open(dir, 1 << 20);
    spool.append(42, lines("a", 5));

    assertThat(files()).containsExactly("00000000000000000042-5.lp");
    assertThat(Files.readString(dir.resolve("00000000000000000042-5.lp")))
        .isEqualTo(String.join("\n", lines("a", 5)) + "\n");
  }

  @Test
  void dropsTheOldestSegmentsWhenFull() throws IOException {
    long segment = SpoolSegment.encode(lines("a", 10)).length;
    Spool spool = Spool.open(dir, segment * 2);
    spool.append(1, lines("a", 10));
    spool.append(2, lines("b", 10));

    Spool.Appended appended = spool.append(3, lines("c", 10));

    assertThat(appended).isEqualTo(new Spool.Appended(10, 10));
    assertThat(spool.oldest(100)).extracting(SpoolSegment::seq).containsExactly(2L, 3L);
    assertThat(spool.bytes()).isLessThanOrEqualTo(segment * 2);
  }

  @Test
  void keepsOnlyTheNewestLinesOfABatchBiggerThanTheWholeSpool() throws IOException {
    List<String> big = lines("a", 100);
    Spool spool = Spool.open(dir, SpoolSegment.encode(big.subList(60, 100)).length);

    Spool.Appended appended = spool.append(1, big);

    assertThat(appended.spooled() + appended.dropped()).isEqualTo(100);
    assertThat(appended.dropped()).isGreaterThanOrEqualTo(60);
    assertThat(readAll(spool)).isEqualTo(big.subList(appended.dropped(), 100));
  }

  @Test
  void reopeningIndexesTheSegmentsLeftBehind() throws IOException {
    Spool first = Spool.open(dir, 1 << 20);
    first.append(4, lines("a", 2));
    first.append(9, lines("b", 3));

    Spool second = Spool.open(dir, 1 << 20);

    assertThat(second.points()).isEqualTo(5);
    assertThat(second.bytes()).isEqualTo(first.bytes());
    assertThat(second.lastSeq()).isEqualTo(9);
    assertThat(readAll(second)).hasSize(5);
  }

  @Test
  void salvagesTheCompleteLinesOfAnInterruptedWrite() throws IOException {
    Files.writeString(dir.resolve("00000000000000000003-3.lp.tmp"), "m v=1i 1\nm v=2i 2\nm v=3");

    Spool spool = Spool.open(dir, 1 << 20);

    assertThat(files()).containsExactly("00000000000000000003-2.lp");
    assertThat(readAll(spool)).containsExactly("m v=1i 1", "m v=2i 2");
  }

  @Test
  void readsWhatItCanOfADamagedSegment() throws IOException {
    byte[] body = "m v=1i 1\nm,t=\u00e9 v=2i 2\nm v=3i".getBytes(StandardCharsets.UTF_8);
    body[13] = (byte) 0xff; // breaks the UTF-8 of "é"
    Files.write(dir.resolve("00000000000000000001-3.lp"), body);

    Spool spool = Spool.open(dir, 1 << 20);
    List<String> read = readAll(spool);

    assertThat(read).hasSize(2);
    assertThat(read.get(0)).isEqualTo("m v=1i 1");
    assertThat(read.get(1)).contains("\ufffd").endsWith("v=2i 2");
  }

  @Test
  void movesAnUnreadableSegmentAsideInsteadOfBlockingTheOthers() throws IOException {
    Files.createDirectory(dir.resolve("00000000000000000001-3.lp")); // cannot be read as a file
    Spool spool = Spool.open(dir, 1 << 20);
    spool.append(2, lines("b", 2));

    List<String> read = readAll(spool);

    assertThat(read).isEqualTo(lines("b", 2));
    assertThat(files()).contains("00000000000000000001-3.lp.corrupt");
    assertThat(spool.oldest(100)).extracting(SpoolSegment::seq).containsExactly(2L);
  }

  @Test
  void ignoresFilesThatAreNotSegments() throws IOException {
    Files.writeString(dir.resolve("README"), "hello");

    Spool spool = Spool.open(dir, 1 << 20);

    assertThat(spool.isEmpty()).isTrue();
  }
}
