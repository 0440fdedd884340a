package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.SnmpCredentials.AuthProtocol;
import io.ravenwatch.probes.api.SnmpCredentials.PrivProtocol;
import io.ravenwatch.probes.api.SnmpCredentials.Version;
import io.ravenwatch.probes.config.Binder;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.ConfigException;
import io.ravenwatch.probes.config.ConfigSection;
import io.ravenwatch.probes.config.ValueParsers;
import io.ravenwatch.probes.config.YamlTree;
import io.ravenwatch.probes.container.ContainerEngines;
import io.ravenwatch.probes.ipmi.IpmiProfiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads {@code ravenwatch.yml}: parses it, binds it, resolves secrets from the given environment
 * and every reference, and reports all problems at once.
 *
 * <pre>{@code
 * try {
 *   RavenwatchConfig config = ConfigLoader.load(path, System.getenv(), ProbeRegistry.standard());
 * } catch (ConfigException e) {
 *   e.errors().forEach(err -> System.err.println(err.line()));
 * }
 * }</pre>
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * Loads a file; a relative {@code data_dir} is resolved against the file's directory.
   *
   * @throws ConfigException with every problem, or one naming the file when it cannot be read
   */
  public static RavenwatchConfig load(Path file, Map<String, String> env, ProbeRegistry registry) {
    return load(file, env, registry, List.of());
  }

  /**
   * Loads a file with the top-level sections other modules own (e.g. {@code alerts:}).
   *
   * @throws ConfigException with every problem, or one naming the file when it cannot be read
   */
  public static RavenwatchConfig load(
      Path file, Map<String, String> env, ProbeRegistry registry, List<ConfigSection<?>> sections) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "no such file");
    } catch (CharacterCodingException e) {
      throw unreadable(file, "a file that is not UTF-8");
    } catch (IOException e) {
      throw unreadable(file, e.toString());
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(text, file.getFileName().toString(), base, env, registry, sections);
  }

  /**
   * Parses configuration text; {@code data_dir} is kept as written.
   *
   * @param sourceName shown in YAML syntax errors, e.g. the file name
   * @throws ConfigException with every problem
   */
  public static RavenwatchConfig parse(
      String yaml, String sourceName, Map<String, String> env, ProbeRegistry registry) {
    return parse(yaml, sourceName, null, env, registry, List.of());
  }

  /**
   * Parses configuration text with the given top-level sections; relative paths are kept as
   * written.
   *
   * @throws ConfigException with every problem
   */
  public static RavenwatchConfig parse(
      String yaml,
      String sourceName,
      Map<String, String> env,
      ProbeRegistry registry,
      List<ConfigSection<?>> sections) {
    return parse(yaml, sourceName, null, env, registry, sections);
  }

  private static RavenwatchConfig parse(
      String yaml,
      String sourceName,
      Path base,
      Map<String, String> env,
      ProbeRegistry registry,
      List<ConfigSection<?>> sections) {
    Object tree = YamlTree.parse(yaml, sourceName);
    // container_engines: is everyone's (probes, /restart, failover steps): always bound.
    sections = Stream.concat(Stream.of(ContainerEngines.SECTION), sections.stream()).toList();
    var errors = new ConfigErrors();
    var binder = new Binder(parsers(env), errors);
    Set<String> sectionKeys = new LinkedHashSet<>();
    sections.forEach(s -> sectionKeys.add(s.key()));
    RavenwatchFile file = binder.bindRecord(tree, RavenwatchFile.class, "", sectionKeys);
    if (file == null) {
      errors.throwIfAny();
    }
    Map<String, Record> boundSections = new LinkedHashMap<>();
    for (ConfigSection<?> section : sections) {
      Object node = tree instanceof Map<?, ?> m ? m.get(section.key()) : null;
      Record value = bindSection(section, node == null ? Map.of() : node, binder, errors);
      if (value != null) {
        boundSections.put(section.key(), value);
      }
    }
    TimingDefaults defaults =
        file.defaults() == null || errors.hasErrorAt("defaults")
            ? TimingDefaults.BUILT_IN
            : file.defaults();
    Map<String, SnmpCredentialsConfig> credentialConfigs =
        file.snmpCredentials() == null ? Map.of() : file.snmpCredentials();
    SnmpCredentialsConfig.checkSharedUsers(credentialConfigs, errors);
    var credentials = new LinkedHashMap<String, SnmpCredentials>();
    credentialConfigs.forEach(
        (name, c) -> {
          if (c != null && !errors.hasErrorAt("snmp_credentials." + name)) {
            credentials.put(name, c.toCredentials(name));
          }
        });
    Inventory inventory =
        new InventoryBuilder(binder, errors, registry).build(file, defaults, credentials);
    Path profilesDir = resolve(base, file.ipmiProfilesDir());
    IpmiProfiles profiles = IpmiProfileCheck.load(profilesDir, errors);
    if (inventory != null) {
      IpmiProfileCheck.checkReferences(inventory.targets(), profiles, errors);
    }
    if (boundSections.get(ContainerEngines.KEY) instanceof ContainerEngines engines) {
      boundSections.put(ContainerEngines.KEY, engines.resolved(p -> resolve(base, p)));
      if (inventory != null) {
        ContainerEngineCheck.checkReferences(inventory.targets(), engines, errors);
      }
    }
    Set<String> targetNames = new LinkedHashSet<>();
    targetNames.addAll(file.hosts() == null ? Set.of() : file.hosts().keySet());
    targetNames.addAll(file.services() == null ? Set.of() : file.services().keySet());
    var names = new ConfigSection.Names(targetNames, boundSections);
    for (ConfigSection<?> section : sections) {
      checkReferences(section, boundSections.get(section.key()), names, errors);
    }
    errors.throwIfAny();
    return new RavenwatchConfig(
        resolve(base, file.dataDir()),
        file.influxdb(),
        defaults.toTiming(),
        credentials,
        inventory,
        profiles,
        base,
        boundSections);
  }

  private static <T extends Record> void checkReferences(
      ConfigSection<T> section, Record bound, ConfigSection.Names names, ConfigErrors errors) {
    if (bound != null && !errors.hasErrorAt(section.key())) {
      section.references().check(section.type().cast(bound), names, errors);
    }
  }

  private static <T extends Record> T bindSection(
      ConfigSection<T> section, Object node, Binder binder, ConfigErrors errors) {
    return section.binding().bind(node, binder, errors, section.key());
  }

  private static Path resolve(Path base, Path path) {
    return base == null || path == null ? path : base.resolve(path).normalize();
  }

  /**
   * Value parsers with the spellings SNMP people use: {@code 2c}, {@code SHA1}, {@code AES-128}.
   */
  static ValueParsers parsers(Map<String, String> env) {
    return new ValueParsers(env)
        .withEnumAlias(Version.class, "1", Version.V1)
        .withEnumAlias(Version.class, "2c", Version.V2C)
        .withEnumAlias(Version.class, "3", Version.V3)
        .withEnumAlias(AuthProtocol.class, "SHA1", AuthProtocol.SHA)
        .withEnumAlias(PrivProtocol.class, "AES128", PrivProtocol.AES);
  }

  private static ConfigException unreadable(Path file, String why) {
    return new ConfigException(
        List.of(new ConfigError(file.toString(), "a readable configuration file", why)));
  }
}
