package io.ravenwatch.bot.action.failover.step;

import java.util.Objects;

/**
 * A kind of failover step: its {@code type:} name in the configuration, the record its other keys
 * bind to, which endpoint the node it acts on needs, and how to make the step. Registered in {@link
 * StepTypes#standard()}.
 *
 * @param name e.g. {@code redis_promote}
 * @param settings the settings record
 * @param needs the endpoint a node this step acts on must have
 * @param factory makes the step from its settings
 * @param <S> the settings record
 */
public record StepType<S extends Record>(
    String name, Class<S> settings, Endpoint needs, Factory<S> factory) {

  /** What a node must declare for a step type to act on it. */
  public enum Endpoint {
    NONE,
    REDIS,
    POSTGRES,
    IPMI,
    DOCKER
  }

  /** Makes a step from bound settings. */
  @FunctionalInterface
  public interface Factory<S> {
    Step create(S settings);
  }

  public StepType {
    Objects.requireNonNull(name);
    Objects.requireNonNull(settings);
    Objects.requireNonNull(needs);
    Objects.requireNonNull(factory);
  }

  /** Makes the step, casting the settings bound for this type. */
  public Step create(Record boundSettings) {
    return factory.create(settings.cast(boundSettings));
  }
}
