package io.ravenwatch.probes.ipmi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The known IPMI-over-SNMP vendor profiles: the ones shipped in {@code ipmi-profiles/} on the
 * classpath, plus any {@code *.yml} / {@code *.yaml} in an optional directory. Adding a vendor is
 * adding a file; a file in the directory replaces a shipped profile of the same name.
 *
 * <pre>{@code
 * IpmiProfiles profiles = IpmiProfiles.builtIn().withDirectory(Path.of("/etc/ravenwatch/ipmi"));
 * IpmiProfile idrac = profiles.find("dell-idrac").orElseThrow();
 * }</pre>
 */
public final class IpmiProfiles {
  private static final Logger logger = LoggerFactory.getLogger(IpmiProfiles.class);
  static final String RESOURCE_DIR = "ipmi-profiles";

  private final Map<String, IpmiProfile> profiles;

  private IpmiProfiles(Map<String, IpmiProfile> profiles) {
    this.profiles = Map.copyOf(profiles);
  }

  private static final class BuiltIn {
    static final IpmiProfiles INSTANCE = new IpmiProfiles(loadClasspath());
  }

  /**
   * The shipped profiles, loaded and checked once on first use.
   *
   * @throws IpmiProfileException when a shipped profile is broken (a bug)
   */
  public static IpmiProfiles builtIn() {
    return BuiltIn.INSTANCE;
  }

  /** These profiles and those of {@code dir}; theirs win on equal names. */
  public IpmiProfiles withDirectory(Path dir) {
    var all = new TreeMap<>(profiles);
    Map<String, IpmiProfile> extra = loadDirectory(dir);
    extra.keySet().stream()
        .filter(all::containsKey)
        .forEach(n -> logger.info("IPMI profile {} from {} replaces the shipped one", n, dir));
    all.putAll(extra);
    return new IpmiProfiles(all);
  }

  /** Only the profiles of {@code dir}, for tests and tools. */
  public static IpmiProfiles fromDirectory(Path dir) {
    return new IpmiProfiles(loadDirectory(dir));
  }

  public Optional<IpmiProfile> find(String name) {
    return Optional.ofNullable(profiles.get(name));
  }

  /** The profile names, sorted. */
  public Collection<String> names() {
    return new TreeMap<>(profiles).keySet();
  }

  /**
   * Loads every {@code *.yml}/{@code *.yaml} of {@code dir}; all broken files are reported at once.
   *
   * @throws IpmiProfileException naming each broken file and key
   * @throws UncheckedIOException when the directory cannot be read
   */
  static Map<String, IpmiProfile> loadDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IpmiProfileException(dir + ": not a directory of IPMI profiles");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return parseAll(files.filter(IpmiProfiles::isProfile).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list IPMI profiles in " + dir, e);
    }
  }

  private static Map<String, IpmiProfile> loadClasspath() {
    URL url = IpmiProfiles.class.getClassLoader().getResource(RESOURCE_DIR);
    if (url == null) {
      throw new IllegalStateException(RESOURCE_DIR + " is missing from the classpath");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        // Listing a directory inside a jar needs the jar mounted as a file system.
        FileSystem fs;
        boolean mounted;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
          mounted = true;
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
          mounted = false;
        }
        try (Stream<Path> files = Files.list(fs.getPath(RESOURCE_DIR))) {
          return parseAll(files.filter(IpmiProfiles::isProfile).sorted().toList());
        } finally {
          if (mounted) {
            fs.close();
          }
        }
      }
      return loadDirectory(Path.of(uri));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the shipped IPMI profiles", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad resource URL " + url, e);
    }
  }

  private static Map<String, IpmiProfile> parseAll(List<Path> files) throws IOException {
    var result = new TreeMap<String, IpmiProfile>();
    var problems = new ArrayList<String>();
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      String name = fileName.substring(0, fileName.lastIndexOf('.'));
      try {
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        result.put(name, ProfileParser.parse(name, file.toString(), yaml));
      } catch (IpmiProfileException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IpmiProfileException(String.join("\n", problems));
    }
    return result;
  }

  private static boolean isProfile(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }
}
