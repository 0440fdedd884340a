package io.ravenwatch.bot.deploy;

import io.ravenwatch.testkit.DockerServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Images made on this machine, since no registry is reachable here: a Java runtime base standing in
 * for {@code eclipse-temurin:21-jre}, and an image holding jars Maven has built, standing in for
 * the Dockerfile's build stage.
 */
final class LocalImages {
  private static final Pattern LIBRARY = Pattern.compile("(/\\S+\\.so[.0-9]*)");
  private static final List<String> APPLETS =
      List.of("sh", "echo", "mkdir", "chown", "cat", "id", "ls", "rm");
  private static final String MODULES =
      "java.se,jdk.httpserver,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,"
          + "jdk.naming.dns,jdk.net,jdk.charsets";

  private LocalImages() {}

  /**
   * A JRE base image like Temurin's: a runtime jlinked from the JDK running this test at {@code
   * /opt/java/openjdk} (on the PATH), the shared libraries it links (found with ldd), busybox for
   * the Dockerfile's {@code RUN} lines, {@code /etc/passwd} with root only, {@code /tmp}.
   */
  static void importJreBase(DockerServer docker, Path work, String tag) throws IOException {
    Path jdk = Path.of(System.getProperty("java.home"));
    Path jlink = jdk.resolve("bin/jlink");
    if (!Files.isExecutable(jlink)) {
      throw new IllegalStateException(
          "no jlink in " + jdk + ": run the tests with a JDK (scripts/jdk.sh), not a JRE");
    }
    Path root = work.resolve("jre-root");
    Path runtime = root.resolve("opt/java/openjdk");
    Files.createDirectories(runtime.getParent());
    run(
        List.of(
            jlink.toString(),
            "--add-modules",
            MODULES,
            "--strip-debug",
            "--no-man-pages",
            "--no-header-files",
            "--output",
            runtime.toString()),
        "jlink");
    for (String library : sharedLibraries(runtime)) {
      Path target = root.resolve(library.substring(1));
      Files.createDirectories(target.getParent());
      Files.copy(Path.of(library), target, StandardCopyOption.REPLACE_EXISTING); // follows links
    }
    Path bin = Files.createDirectories(root.resolve("bin"));
    Path busybox =
        Stream.of("/bin/busybox", "/usr/bin/busybox")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("busybox not found: install busybox-static"));
    Files.copy(busybox, bin.resolve("busybox"));
    for (String applet : APPLETS) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    Path etc = Files.createDirectories(root.resolve("etc"));
    Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\n");
    Path tmp = Files.createDirectories(root.resolve("tmp"));
    run(List.of("chmod", "1777", tmp.toString()), "chmod"); // the JVM writes hsperfdata there
    importTree(
        docker,
        root,
        tag,
        "ENV PATH=/opt/java/openjdk/bin:/bin",
        "ENV JAVA_HOME=/opt/java/openjdk");
  }

  /** An image with {@code /opt/ravenwatch/ravenwatch.jar} and {@code lib/}, as the build stage. */
  static void importJars(DockerServer docker, Path work, Path target, String tag)
      throws IOException {
    Path jar = target.resolve("ravenwatch.jar");
    Path lib = target.resolve("lib");
    if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
      throw new IllegalStateException(
          "no " + jar + " with lib/: this test runs after 'mvn package' (failsafe, in verify)");
    }
    Path app = Files.createDirectories(work.resolve("jars-root/opt/ravenwatch/lib"));
    Files.copy(jar, app.getParent().resolve("ravenwatch.jar"));
    try (Stream<Path> jars = Files.list(lib)) {
      for (Path p : jars.toList()) {
        Files.copy(p, app.resolve(p.getFileName()));
      }
    }
    importTree(docker, work.resolve("jars-root"), tag);
  }

  private static void importTree(DockerServer docker, Path root, String tag, String... changes) {
    Path tar = root.resolveSibling(root.getFileName() + ".tar");
    run(List.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."), "tar");
    var args = new ArrayList<String>();
    args.add("import");
    for (String change : changes) {
      args.add("--change");
      args.add(change);
    }
    args.add(tar.toString());
    args.add(tag);
    docker.cli(args.toArray(String[]::new));
  }

  /** What ldd says the runtime's launcher and native libraries link, outside the runtime. */
  private static TreeSet<String> sharedLibraries(Path runtime) throws IOException {
    var binaries = new ArrayList<String>();
    binaries.add(runtime.resolve("bin/java").toString());
    try (Stream<Path> files = Files.walk(runtime.resolve("lib"))) {
      files.filter(p -> p.toString().endsWith(".so")).forEach(p -> binaries.add(p.toString()));
    }
    var libraries = new TreeSet<String>();
    for (String binary : binaries) {
      Matcher m = LIBRARY.matcher(run(List.of("ldd", binary), "ldd " + binary));
      while (m.find()) {
        if (!m.group(1).startsWith(runtime.toString())) {
          libraries.add(m.group(1));
        }
      }
    }
    return libraries;
  }

  static String run(List<String> command, String what) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(what + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + what, e);
    }
  }
}
