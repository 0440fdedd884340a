package io.ravenwatch.probes.disk;

import static io.ravenwatch.probes.ProbeContexts.context;
import static io.ravenwatch.probes.ProbeContexts.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskProbeTest {
  private static final Path PROC_MOUNTS = Path.of("/proc/mounts");

  private static ProbeResult run(DiskProbe.Settings settings, Path mountTable)
      throws InterruptedException {
    return new DiskProbe(settings, mountTable)
        .run(context(host("ravenwatch", ""), "disk", settings, Duration.ofSeconds(5), 0));
  }

  /** {@code df}'s view of a path: size and available bytes, to check ours against. */
  private static long[] df(String path) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("df", "-B1", "--output=size,avail", path)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    String[] numbers = out.lines().skip(1).findFirst().orElseThrow().trim().split("\\s+");
    return new long[] {Long.parseLong(numbers[0]), Long.parseLong(numbers[1])};
  }

  @Test
  void rootIsReportedWithTelegrafsSizes() throws Exception {
    ProbeResult result = run(new DiskProbe.Settings(List.of("/"), null), PROC_MOUNTS);
    long[] df = df("/");

    assertThat(result.status()).isEqualTo(ProbeResult.Status.OK);
    Point p = result.points().getFirst();
    assertThat(p.measurement()).isEqualTo("disk");
    assertThat(p.tags())
        .containsEntry("path", "/")
        .containsEntry("source", "ravenwatch")
        .containsKeys("device", "fstype", "mode");
    long total = (Long) p.field("total");
    long free = (Long) p.field("free");
    long used = (Long) p.field("used");
    assertThat(total).isEqualTo(df[0]);
    assertThat(free).isCloseTo(df[1], within(256L << 20));
    // Blocks reserved for root are neither used nor free (Telegraf's and df's definition).
    assertThat(used).isPositive();
    assertThat(used + free).isLessThanOrEqualTo(total);
    assertThat((Double) p.field("used_percent"))
        .isCloseTo(100.0 * used / (used + free), within(1e-9));
  }

  @Test
  void missingPathFailsWithItsNameAndOtherPathsAreStillReported() throws InterruptedException {
    var settings = new DiskProbe.Settings(List.of("/", "/no/such/disk"), null);

    ProbeResult result = run(settings, PROC_MOUNTS);

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(result.reason()).isEqualTo("path /no/such/disk does not exist");
    assertThat(result.points()).extracting(pt -> pt.tag("path")).containsExactly("/");
  }

  @Test
  void withoutPathsReportsRealFilesystemsOfTheMountTable(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectory(dir.resolve("my data"));
    Path table = dir.resolve("mounts");
    Files.writeString(
        table,
        """
        proc /proc proc rw,relatime 0 0
        /dev/vda / ext4 rw,relatime 0 0
        tmpfs /dev/shm tmpfs rw,relatime 0 0
        overlay /var/lib/docker/overlay2/x/merged overlay rw 0 0
        /dev/sdb1 %s xfs ro,relatime 0 0
        """
            .formatted(data.toString().replace(" ", "\\040")));

    ProbeResult result = run(new DiskProbe.Settings(null, null), table);

    assertThat(result.status()).isEqualTo(ProbeResult.Status.OK);
    assertThat(result.points())
        .extracting(
            p ->
                p.tag("path") + " " + p.tag("device") + " " + p.tag("fstype") + " " + p.tag("mode"))
        .containsExactly("/ vda ext4 rw", data + " sdb1 xfs ro");
  }

  @Test
  void ignoredFilesystemTypesAreSkipped(@TempDir Path dir) throws Exception {
    Path table = dir.resolve("mounts");
    Files.writeString(
        table, "/dev/vda / ext4 rw 0 0\n/dev/sdb1 %s xfs rw 0 0\n".formatted(dir.toString()));

    ProbeResult result = run(new DiskProbe.Settings(null, List.of("xfs")), table);

    assertThat(result.points()).extracting(p -> p.tag("path")).containsExactly("/");
  }

  @Test
  void listedPathIsTaggedWithTheMountItLivesOn(@TempDir Path dir) throws Exception {
    Path table = dir.resolve("mounts");
    Files.writeString(table, "/dev/vda / ext4 rw 0 0\ntmpfs /run tmpfs rw 0 0\n");

    ProbeResult result = run(new DiskProbe.Settings(List.of(dir.toString()), null), table);

    Point p = result.points().getFirst();
    assertThat(p.tag("path")).isEqualTo(dir.toString());
    assertThat(p.tag("device")).isEqualTo("vda");
    assertThat(p.tag("fstype")).isEqualTo("ext4");
  }
}
