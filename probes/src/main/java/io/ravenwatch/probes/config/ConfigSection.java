package io.ravenwatch.probes.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A top-level section of {@code ravenwatch.yml} that a module above {@code probes} owns (e.g. the
 * alert engine's {@code alerts:}): bound with the same binder, so its errors are reported together
 * with every other, with their key paths. An absent section binds from an empty map, i.e. to its
 * defaults.
 *
 * <pre>{@code
 * static final ConfigSection<AlertsConfig> ALERTS = new ConfigSection<>("alerts", AlertsConfig.class);
 * RavenwatchConfig config = ConfigLoader.load(file, env, registry, List.of(ALERTS));
 * AlertsConfig alerts = config.section(ALERTS);
 * }</pre>
 *
 * @param key the top-level key
 * @param type the record it binds to
 * @param binding how the section's node becomes the record; plain record binding by default, a
 *     custom one for sections with type-discriminated parts (like probes' {@code type:})
 * @param references checks the bound section's references to the inventory (target names), once the
 *     inventory is built; its errors are reported with all the others
 * @param <T> the record
 */
public record ConfigSection<T extends Record>(
    String key, Class<T> type, Binding<T> binding, References<T> references) {

  /** Binds a section's node (a map, never null) at {@code path}, reporting problems to errors. */
  @FunctionalInterface
  public interface Binding<T> {
    T bind(Object node, Binder binder, ConfigErrors errors, String path);
  }

  /** Checks what a bound section names elsewhere in the file, reporting problems to errors. */
  @FunctionalInterface
  public interface References<T> {
    void check(T section, Names names, ConfigErrors errors);
  }

  /**
   * What a section may refer to.
   *
   * @param targets the name of every host and service in the file (also when some of them have
   *     errors, so that a bad probe elsewhere does not hide this section's problems)
   * @param sections the other sections that bound cleanly, by key
   */
  public record Names(Set<String> targets, Map<String, Record> sections) {
    public Names {
      targets = Set.copyOf(targets);
      sections = Map.copyOf(sections);
    }

    /** Another section, when it bound cleanly. */
    public <S extends Record> Optional<S> section(ConfigSection<S> other) {
      return Optional.ofNullable(sections.get(other.key())).map(other.type()::cast);
    }
  }

  public ConfigSection {
    Objects.requireNonNull(key);
    Objects.requireNonNull(type);
    Objects.requireNonNull(binding);
    Objects.requireNonNull(references);
  }

  /** A section with its own binding and no references to check. */
  public ConfigSection(String key, Class<T> type, Binding<T> binding) {
    this(key, type, binding, (section, inventory, errors) -> {});
  }

  /** A section bound as a plain record. */
  public ConfigSection(String key, Class<T> type) {
    this(key, type, (node, binder, errors, path) -> binder.bindRecord(node, type, path, Set.of()));
  }

  /** The same section, checking its references to the inventory with {@code check}. */
  public ConfigSection<T> withReferences(References<T> check) {
    return new ConfigSection<>(key, type, binding, check);
  }
}
