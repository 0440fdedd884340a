package io.ravenwatch.alerts.api;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Annotations rendered on first use. The evaluator makes an {@link Observation} for every series it
 * evaluates, but only a transition (or a stored or shown alert) reads the annotations: rendering
 * them up front cost a sixth of the engine's CPU and most of its garbage. {@link Observation} and
 * the lifecycle's record keep this map as it is; {@link AlertEvent} copies it, so an event carries
 * rendered text.
 *
 * <p>The supplier must be a pure function of immutable values it captured (templates, the value,
 * the labels): then rendering later gives what rendering at once would have. Immutable and
 * thread-safe; the supplier runs at most once.
 *
 * <pre>{@code
 * Map<String, String> a = LazyAnnotations.of(() -> Map.of("summary", render(...)));
 * }</pre>
 */
public final class LazyAnnotations extends AbstractMap<String, String> {
  private Supplier<Map<String, String>> render; // null once rendered
  private volatile Map<String, String> rendered;

  private LazyAnnotations(Supplier<Map<String, String>> render) {
    this.render = render;
  }

  /** Annotations that {@code render} makes when they are first read. */
  public static Map<String, String> of(Supplier<Map<String, String>> render) {
    return new LazyAnnotations(render);
  }

  /** The rendered annotations (rendering them now if need be). */
  public Map<String, String> rendered() {
    Map<String, String> m = rendered;
    if (m == null) {
      synchronized (this) {
        m = rendered;
        if (m == null) {
          m = Map.copyOf(render.get());
          rendered = m;
          render = null; // what it captured may go
        }
      }
    }
    return m;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return rendered().entrySet();
  }

  @Override
  public String get(Object key) {
    return rendered().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return rendered().containsKey(key);
  }

  @Override
  public int size() {
    return rendered().size();
  }
}
