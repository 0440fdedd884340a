package io.ravenwatch.probes.container;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.OptionalKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The deployments of a Kubernetes namespace as Telegraf's {@code inputs.kube_inventory}: one {@code
 * kubernetes_deployment} point per deployment with tags {@code deployment_name} and {@code
 * namespace} and fields {@code replicas_available}, {@code replicas_unavailable}, {@code created}
 * (ns since the epoch), plus {@code replicas_desired} (the spec's replicas) so that "fewer
 * available than desired" is one comparison.
 *
 * <pre>{@code
 * probes:
 *   - type: kubernetes
 *     cluster: prod                 # a name under container_engines.kubernetes
 *     namespace: web                # absent: the cluster's namespace
 *     deployments: [frontend]       # absent: every deployment of the namespace
 * }</pre>
 */
public final class KubernetesProbe implements Probe {

  /**
   * Settings of a {@code kubernetes} probe.
   *
   * @param cluster the cluster's name under {@code container_engines.kubernetes}
   * @param namespace the namespace; absent: the cluster's
   * @param deployments the deployment names to report; absent or empty: all
   */
  public record Settings(
      String cluster, @OptionalKey String namespace, @OptionalKey List<String> deployments) {
    public Settings {
      deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }
  }

  /** The type, finding clusters among those {@code engines} supplies when a probe is created. */
  public static ProbeType<Settings> type(Supplier<ContainerEngines> engines) {
    return new ProbeType<>(
        "kubernetes",
        Settings.class,
        Set.of(),
        (target, settings) ->
            new KubernetesProbe(
                target,
                settings,
                engines.get().kubernetesCluster(settings.cluster()).orElse(null)));
  }

  private final Settings settings;
  private final KubernetesCluster cluster;

  /**
   * @param cluster the cluster, or null when none of that name is declared (every run then fails)
   */
  public KubernetesProbe(Target target, Settings settings, KubernetesCluster cluster) {
    this.settings = settings;
    this.cluster = cluster;
  }

  /** Replica counts of a deployment; absent counts are 0 (Kubernetes omits zeros). */
  public static long desired(Deployment d) {
    return d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
  }

  static long orZero(Integer i) {
    return i == null ? 0 : i;
  }

  @Override
  public ProbeResult run(ProbeContext context) throws InterruptedException {
    Instant started = context.clock().instant();
    if (cluster == null) {
      return context.failed(
          started, "no kubernetes cluster named " + settings.cluster() + " is declared", List.of());
    }
    String namespace = Objects.requireNonNullElse(settings.namespace(), cluster.namespace());
    String failure = "";
    for (int attempt = 0; attempt <= context.retries(); attempt++) {
      try (KubernetesClient client = ContainerClients.kubernetes(cluster)) {
        return read(context, client, namespace, started);
      } catch (RuntimeException e) {
        failure =
            EngineFailures.describe(
                "kubernetes cluster " + settings.cluster() + " (" + cluster.masterUrl() + ")", e);
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
    return context.failed(started, failure, List.of());
  }

  private ProbeResult read(
      ProbeContext context, KubernetesClient client, String namespace, Instant started) {
    List<Deployment> deployments =
        client.apps().deployments().inNamespace(namespace).list().getItems();
    Instant now = context.clock().instant();
    var points = new ArrayList<Point>();
    var missing = new LinkedHashSet<>(settings.deployments());
    for (Deployment d : deployments) {
      String name = d.getMetadata().getName();
      if (!settings.deployments().isEmpty() && !settings.deployments().contains(name)) {
        continue;
      }
      missing.remove(name);
      var status = d.getStatus();
      Instant created = ContainerStates.time(d.getMetadata().getCreationTimestamp());
      points.add(
          context
              .point("kubernetes_deployment", now)
              .tag("deployment_name", name)
              .tag("namespace", namespace)
              .field(
                  "replicas_available", status == null ? 0 : orZero(status.getAvailableReplicas()))
              .field(
                  "replicas_unavailable",
                  status == null ? 0 : orZero(status.getUnavailableReplicas()))
              .field("replicas_desired", desired(d))
              .field("created", created == null ? null : ContainerStates.nanos(created))
              .build());
    }
    if (!missing.isEmpty()) {
      return context.failed(
          started,
          "no deployment " + String.join(", ", missing) + " in namespace " + namespace,
          points);
    }
    return context.ok(started, points);
  }
}
