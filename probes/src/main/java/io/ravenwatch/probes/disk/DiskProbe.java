package io.ravenwatch.probes.disk;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.OptionalKey;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Disk space of the machine Ravenwatch itself runs on (not of the target: attach it to the target
 * that stands for the Ravenwatch host), written as Telegraf's {@code disk} measurement.
 *
 * <p>Without {@code paths}, every real local filesystem in {@code /proc/mounts} is reported; pseudo
 * and network filesystems ({@code proc}, {@code sysfs}, {@code tmpfs}, {@code overlay}, {@code
 * nfs}, …, see {@link #SKIPPED_FS}) and the types in {@code ignore_fs} are skipped, as are mounts
 * of single files. Listed {@code paths} are always reported, whatever their filesystem.
 *
 * <p>Tags {@code path}, {@code device} (without {@code /dev/}), {@code fstype}, {@code mode}
 * ({@code ro}/{@code rw}); fields {@code total}, {@code free} (available to unprivileged users),
 * {@code used} (total minus all free blocks) and {@code used_percent} = used / (used + free), as in
 * Telegraf — so {@code used + free} is less than {@code total} by the blocks reserved for root. The
 * inode fields are left out: Java's {@link FileStore} does not expose {@code statvfs}'s inode
 * counts, and running {@code df} is not worth a process per run.
 *
 * <p>Local reads do not time out or retry; the scheduler cuts a run that hangs (a dead mount).
 */
public final class DiskProbe implements Probe {

  /** The probe type, registered in the standard registry. */
  public static final ProbeType<Settings> TYPE =
      new ProbeType<>("disk", Settings.class, ProbeRegistry.NOTHING, DiskProbe::new);

  /**
   * Settings of a {@code disk} probe.
   *
   * @param paths the paths to report (any path; its mount's device and type are tagged); empty:
   *     every real local filesystem
   * @param ignoreFs filesystem types to skip as well, when {@code paths} is empty
   */
  public record Settings(@OptionalKey List<String> paths, @OptionalKey List<String> ignoreFs) {
    public Settings {
      paths = paths == null ? List.of() : List.copyOf(paths);
      ignoreFs = ignoreFs == null ? List.of() : List.copyOf(ignoreFs);
    }
  }

  /** Filesystem types that are not local disks, skipped unless a path is listed. */
  static final Set<String> SKIPPED_FS =
      Set.of(
          "proc",
          "sysfs",
          "tmpfs",
          "devtmpfs",
          "devpts",
          "devfs",
          "ramfs",
          "overlay",
          "aufs",
          "squashfs",
          "iso9660",
          "cgroup",
          "cgroup2",
          "mqueue",
          "debugfs",
          "tracefs",
          "securityfs",
          "pstore",
          "bpf",
          "configfs",
          "fusectl",
          "hugetlbfs",
          "autofs",
          "binfmt_misc",
          "rpc_pipefs",
          "nsfs",
          "efivarfs",
          "selinuxfs",
          "fuse.lxcfs",
          "nfsd",
          "nfs",
          "nfs4",
          "cifs",
          "smb3",
          "fuse.sshfs",
          "fuse.gvfsd-fuse",
          "fuse.portal",
          "zram");

  private final Settings settings;
  private final Path mountTable;

  DiskProbe(Target target, Settings settings) {
    this(settings, Path.of("/proc/mounts"));
  }

  /** Reading another mount table, for tests. */
  DiskProbe(Settings settings, Path mountTable) {
    this.settings = settings;
    this.mountTable = mountTable;
  }

  @Override
  public ProbeResult run(ProbeContext ctx) throws InterruptedException {
    Instant started = ctx.clock().instant();
    List<Mount> mounts;
    try {
      mounts = Mount.read(mountTable);
    } catch (IOException e) {
      return ctx.failed(started, "cannot read " + mountTable + ": " + e.getMessage(), List.of());
    }
    var points = new ArrayList<Point>();
    var problems = new ArrayList<String>();
    if (settings.paths().isEmpty()) {
      Set<String> skipped = new HashSet<>(SKIPPED_FS);
      skipped.addAll(settings.ignoreFs());
      for (Mount m : mounts) {
        if (!skipped.contains(m.fstype()) && Files.isDirectory(Path.of(m.mountPoint()))) {
          measure(ctx, started, m.mountPoint(), m, problems).ifPresent(points::add);
        }
      }
      if (points.isEmpty() && problems.isEmpty()) {
        problems.add("no local filesystem found in " + mountTable);
      }
    } else {
      for (String path : settings.paths()) {
        Optional<Mount> mount = Mount.covering(mounts, Path.of(path));
        if (!Files.exists(Path.of(path))) {
          problems.add("path " + path + " does not exist");
        } else if (mount.isEmpty()) {
          problems.add("path " + path + " is on no mount of " + mountTable);
        } else {
          measure(ctx, started, path, mount.get(), problems).ifPresent(points::add);
        }
      }
    }
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    return problems.isEmpty()
        ? ctx.ok(started, points)
        : ctx.failed(started, String.join("; ", problems), points);
  }

  private static Optional<Point> measure(
      ProbeContext ctx, Instant time, String path, Mount mount, List<String> problems) {
    try {
      FileStore store = Files.getFileStore(Path.of(path));
      long total = store.getTotalSpace();
      long free = store.getUsableSpace();
      long used = total - store.getUnallocatedSpace();
      double usedPercent = used + free > 0 ? 100.0 * used / (used + free) : 0.0;
      return Optional.of(
          ctx.point("disk", time)
              .tag("path", path)
              .tag("device", mount.device().replace("/dev/", ""))
              .tag("fstype", mount.fstype())
              .tag("mode", mount.mode())
              .field("total", total)
              .field("free", free)
              .field("used", used)
              .field("used_percent", usedPercent)
              .build());
    } catch (IOException | SecurityException e) {
      problems.add("path " + path + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** One line of {@code /proc/mounts}. */
  record Mount(String device, String mountPoint, String fstype, String mode) {

    /** The mounts, one per mount point (the last, i.e. topmost, wins), in table order. */
    static List<Mount> read(Path table) throws IOException {
      Map<String, Mount> byPoint = new LinkedHashMap<>();
      for (String line : Files.readAllLines(table)) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 4) {
          continue;
        }
        String mode = f[3].equals("ro") || f[3].startsWith("ro,") ? "ro" : "rw";
        String point = unescape(f[1]);
        byPoint.remove(point);
        byPoint.put(point, new Mount(unescape(f[0]), point, f[2], mode));
      }
      return List.copyOf(byPoint.values());
    }

    /** The mount a path lives on: the longest mount point that contains it. */
    static Optional<Mount> covering(List<Mount> mounts, Path path) {
      Path real;
      try {
        real = path.toRealPath();
      } catch (IOException e) {
        real = path.toAbsolutePath().normalize();
      }
      Mount best = null;
      for (Mount m : mounts) {
        if (real.startsWith(Path.of(m.mountPoint()))
            && (best == null || m.mountPoint().length() >= best.mountPoint().length())) {
          best = m;
        }
      }
      return Optional.ofNullable(best);
    }

    /** The kernel writes space, tab, newline and backslash as octal escapes ({@code \040}). */
    static String unescape(String s) {
      if (s.indexOf('\\') < 0) {
        return s;
      }
      var sb = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
          i += 3;
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }
  }
}
