package io.ravenwatch.bot.action.failover;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * Which node of each failover service is active, kept across restarts in {@code
 * DATA_DIR/failover/active-nodes.properties}. Written whole to a temporary file and moved into
 * place atomically, so a crash mid-write leaves the previous state, never half a file. A service
 * never failed over is on its configured primary.
 */
public final class ActiveNodes {
  private static final Object WRITE_LOCK = new Object();

  private final Path file;

  /**
   * One service's active node.
   *
   * @param node the node's name
   * @param since when a failover made it active
   * @param by who ran that failover
   */
  public record Entry(String node, Instant since, String by) {}

  private ActiveNodes(Path file) {
    this.file = file;
  }

  /** The state under {@code dataDir}. */
  public static ActiveNodes in(Path dataDir) {
    return new ActiveNodes(dataDir.resolve("failover").resolve("active-nodes.properties"));
  }

  /** The recorded entry of a service, if a failover ever ran. */
  public Optional<Entry> get(String service) {
    Properties p = read();
    String node = p.getProperty(service + ".node");
    if (node == null) {
      return Optional.empty();
    }
    Instant since;
    try {
      since = Instant.parse(p.getProperty(service + ".since", ""));
    } catch (DateTimeParseException e) {
      since = null;
    }
    return Optional.of(new Entry(node, since, p.getProperty(service + ".by", "")));
  }

  /** The active node: the recorded one if it is still a node of the plan, else the primary. */
  public String active(ServicePlan plan) {
    return get(plan.name())
        .map(Entry::node)
        .filter(plan.nodes()::containsKey)
        .orElse(plan.primary());
  }

  /** Records that {@code node} is now the active node of {@code service}. */
  public void set(String service, String node, Instant since, String by) {
    synchronized (WRITE_LOCK) {
      Properties p = read();
      p.setProperty(service + ".node", node);
      p.setProperty(service + ".since", since.toString());
      p.setProperty(service + ".by", by);
      try {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          p.store(w, "Active node of each failover service (written by Ravenwatch)");
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot record the active node in " + file, e);
      }
    }
  }

  private Properties read() {
    var p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the active nodes from " + file, e);
    }
    return p;
  }
}
