package io.ravenwatch.bot.action.failover;

import io.ravenwatch.bot.action.failover.step.NodeRefs;
import io.ravenwatch.bot.action.failover.step.NodeStep;
import io.ravenwatch.bot.action.failover.step.ProbesCheck;
import io.ravenwatch.bot.action.failover.step.StepSpec;
import io.ravenwatch.bot.action.failover.step.StepType;
import io.ravenwatch.bot.action.failover.step.StepTypes;
import io.ravenwatch.probes.config.Binder;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.ConfigSection;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.container.ContainerEngines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the {@code failover:} section: a plan per service, its steps and post-checks by step type,
 * and checks every reference inside it (primary and standbys among the nodes, each step's node, the
 * endpoint each step needs). References to the inventory and to the Docker engines declared under
 * {@code container_engines} are checked once those are loaded, with all the other errors.
 *
 * <pre>{@code
 * failover:
 *   step_timeout: 30s
 *   services:
 *     cache:
 *       primary: redis-a
 *       standbys: [redis-b]
 *       nodes:
 *         redis-a: {host: 10.0.0.11, target: cache-a, redis: {password: ${REDIS_PASSWORD}}}
 *         redis-b: {host: 10.0.0.12, target: cache-b, redis: {password: ${REDIS_PASSWORD}}}
 *       steps:
 *         - {type: redis_promote}
 *       post_checks:
 *         - {type: redis_role}
 * }</pre>
 */
public final class FailoverSection {
  private static final String STEPS = "steps";
  private static final String POST_CHECKS = "post_checks";

  /** The section with the standard step types. */
  public static final ConfigSection<FailoverConfig> SECTION = section(StepTypes.standard());

  private FailoverSection() {}

  /** The section with the step types of {@code types}. */
  public static ConfigSection<FailoverConfig> section(StepTypes types) {
    return new ConfigSection<>(
            "failover",
            FailoverConfig.class,
            (node, binder, errors, path) -> bind(node, binder, errors, path, types))
        .withReferences(FailoverSection::checkReferences);
  }

  /**
   * The section's own keys.
   *
   * @param stepTimeout the time limit of a step without its own {@code timeout}
   * @param services the services, bound one by one
   */
  record SectionFile(
      @Default("30s") Duration stepTimeout, @OptionalKey Map<String, Object> services) {}

  static FailoverConfig bind(
      Object node, Binder binder, ConfigErrors errors, String path, StepTypes types) {
    SectionFile file = binder.bindRecord(node, SectionFile.class, path, Set.of());
    if (file == null) {
      return null;
    }
    var services = new LinkedHashMap<String, ServicePlan>();
    Duration timeout = file.stepTimeout() == null ? Duration.ofSeconds(30) : file.stepTimeout();
    if (!timeout.isPositive()) {
      errors.add(ConfigErrors.key(path, "step_timeout"), "a positive duration like 30s", timeout);
    }
    if (file.services() == null) {
      return new FailoverConfig(services);
    }
    file.services()
        .forEach(
            (name, raw) -> {
              String at = ConfigErrors.key(ConfigErrors.key(path, "services"), name);
              ServicePlan plan = service(name, raw, binder, errors, at, types, timeout);
              if (plan != null) {
                services.put(name, plan);
              }
            });
    return new FailoverConfig(services);
  }

  private static ServicePlan service(
      String name,
      Object raw,
      Binder binder,
      ConfigErrors errors,
      String at,
      StepTypes types,
      Duration timeout) {
    ServiceFile file = binder.bindRecord(raw, ServiceFile.class, at, Set.of(STEPS, POST_CHECKS));
    Map<?, ?> map = raw instanceof Map<?, ?> m ? m : Map.of();
    List<StepSpec> steps =
        types.bind(map.get(STEPS), binder, errors, ConfigErrors.key(at, STEPS), timeout);
    List<StepSpec> checks =
        types.bind(
            map.get(POST_CHECKS), binder, errors, ConfigErrors.key(at, POST_CHECKS), timeout);
    if (map.get(STEPS) == null) {
      errors.add(
          ConfigErrors.key(at, STEPS), "a list of steps, like [{type: redis_promote}]", null);
    }
    if (file == null || file.nodes() == null || file.standbys() == null) {
      return null;
    }
    Map<String, NodeConfig> nodes = file.nodes();
    checkRoles(file, errors, at);
    Preconditions pre =
        file.preconditions() == null ? Preconditions.DEFAULTS : file.preconditions();
    var distinct = new java.util.LinkedHashSet<String>();
    distinct.add(file.primary());
    distinct.addAll(file.standbys());
    List<String> candidates = new ArrayList<>(distinct);
    if (pre.healthyProbes() > 0) {
      for (String n : candidates) {
        if (nodes.get(n) != null && nodes.get(n).target() == null) {
          errors.add(
              ConfigErrors.key(ConfigErrors.key(at, "nodes"), n) + ".target",
              "the node's inventory target: preconditions.healthy_probes reads its probes (or set"
                  + " healthy_probes: 0)",
              null);
        }
      }
    }
    String nodesAt = ConfigErrors.key(at, "nodes");
    checkSteps(steps, nodes, candidates, errors, ConfigErrors.key(at, STEPS), nodesAt);
    checkSteps(checks, nodes, candidates, errors, ConfigErrors.key(at, POST_CHECKS), nodesAt);
    if (errors.hasErrorAt(at)) {
      return null;
    }
    String target = file.target() == null ? name : file.target();
    return new ServicePlan(
        name, target, file.primary(), file.standbys(), nodes, pre, steps, checks);
  }

  private static void checkRoles(ServiceFile file, ConfigErrors errors, String at) {
    Set<String> names = file.nodes().keySet();
    String expected = "a node of this service (" + String.join(", ", names) + ")";
    if (!names.contains(file.primary())) {
      errors.add(ConfigErrors.key(at, "primary"), expected, file.primary());
    }
    if (file.standbys().isEmpty()) {
      errors.add(ConfigErrors.key(at, "standbys"), "at least one standby node", file.standbys());
    }
    var seen = new HashSet<String>();
    for (int i = 0; i < file.standbys().size(); i++) {
      String s = file.standbys().get(i);
      String key = ConfigErrors.index(ConfigErrors.key(at, "standbys"), i);
      if (!names.contains(s)) {
        errors.add(key, expected, s);
      } else if (s.equals(file.primary()) || !seen.add(s)) {
        errors.add(key, "a node other than the primary and the standbys before it", s);
      }
    }
  }

  private static void checkSteps(
      List<StepSpec> steps,
      Map<String, NodeConfig> nodes,
      List<String> candidates,
      ConfigErrors errors,
      String at,
      String nodesAt) {
    for (int i = 0; i < steps.size(); i++) {
      StepSpec spec = steps.get(i);
      if (spec == null) {
        continue; // its own errors are reported
      }
      String stepAt = ConfigErrors.index(at, i);
      if (spec.settings() instanceof NodeStep ns) {
        String ref = ns.node();
        List<String> concerned;
        if (NodeRefs.isRole(ref)) {
          concerned = candidates;
        } else if (nodes.containsKey(ref)) {
          concerned = List.of(ref);
        } else {
          errors.add(ConfigErrors.key(stepAt, "node"), NodeRefs.expected(nodes.keySet()), ref);
          continue;
        }
        for (String n : concerned) {
          NodeConfig node = nodes.get(n);
          if (node != null && !has(node, spec.type().needs())) {
            String endpoint = spec.type().needs().name().toLowerCase(java.util.Locale.ROOT);
            errors.add(
                nodesAt + "." + n + "." + endpoint,
                "its "
                    + endpoint
                    + " endpoint: "
                    + stepAt.substring(stepAt.lastIndexOf('.') + 1)
                    + " ("
                    + spec.type().name()
                    + ") acts on "
                    + n,
                null);
          }
        }
      }
      if (spec.settings() instanceof ProbesCheck.Settings p && p.target() == null) {
        for (String n : candidates) {
          if (nodes.get(n) != null && nodes.get(n).target() == null) {
            errors.add(
                stepAt,
                "a target: key, or a target on every node (" + n + " has none)",
                spec.type().name());
          }
        }
      }
    }
  }

  private static boolean has(NodeConfig node, StepType.Endpoint needs) {
    return switch (needs) {
      case NONE -> true;
      case REDIS -> node.redis() != null;
      case POSTGRES -> node.postgres() != null;
      case IPMI -> node.ipmi() != null;
      case DOCKER -> node.docker() != null;
    };
  }

  /**
   * Checks the targets the failover section names against the loaded inventory, and the nodes'
   * Docker engines against {@code container_engines.docker}.
   */
  static void checkReferences(
      FailoverConfig failover, ConfigSection.Names names, ConfigErrors errors) {
    Set<String> targets = names.targets();
    // Empty when container_engines has errors of its own: then only those are reported.
    Optional<ContainerEngines> engines = names.section(ContainerEngines.SECTION);
    String expected = "a host or service of the inventory";
    failover
        .services()
        .forEach(
            (name, plan) -> {
              String at = "failover.services." + name;
              if (!targets.contains(plan.target())) {
                errors.add(
                    at + ".target", expected + " (the service's name when absent)", plan.target());
              }
              plan.nodes()
                  .forEach(
                      (n, node) -> {
                        if (node.target() != null && !targets.contains(node.target())) {
                          errors.add(at + ".nodes." + n + ".target", expected, node.target());
                        }
                        if (node.docker() != null && engines.isPresent()) {
                          engines
                              .get()
                              .checkDeclared(
                                  node.docker().engine(),
                                  ContainerEngines.Kind.DOCKER,
                                  at + ".nodes." + n + ".docker.engine",
                                  errors);
                        }
                      });
              for (int i = 0; i < plan.postChecks().size(); i++) {
                if (plan.postChecks().get(i).settings() instanceof ProbesCheck.Settings p
                    && p.target() != null
                    && !targets.contains(p.target())) {
                  errors.add(at + ".post_checks[" + i + "].target", expected, p.target());
                }
              }
            });
  }
}
