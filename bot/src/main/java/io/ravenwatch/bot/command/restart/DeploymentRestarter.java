package io.ravenwatch.bot.command.restart;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.ravenwatch.probes.container.KubernetesProbe;

/**
 * {@code kubectl rollout restart}: the pod template gets a {@code
 * kubectl.kubernetes.io/restartedAt} annotation, so the deployment rolls its pods. Healthy again
 * when the rollout is complete as {@code kubectl rollout status} judges it: the controller has
 * observed the new generation, and updated, available and total replicas all equal the desired
 * count.
 */
final class DeploymentRestarter implements Restarter {
  private final KubernetesClient client;
  private final String namespace;
  private final String deployment;

  DeploymentRestarter(KubernetesClient client, String namespace, String deployment) {
    this.client = client;
    this.namespace = namespace;
    this.deployment = deployment;
  }

  private RollableScalableResource<Deployment> resource() {
    return client.apps().deployments().inNamespace(namespace).withName(deployment);
  }

  @Override
  public Observation observe() {
    Deployment d = resource().get();
    if (d == null) {
      throw new IllegalStateException("no deployment " + deployment + " in namespace " + namespace);
    }
    long desired = KubernetesProbe.desired(d);
    var status = d.getStatus();
    long updated =
        status == null || status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas();
    long available =
        status == null || status.getAvailableReplicas() == null ? 0 : status.getAvailableReplicas();
    long total = status == null || status.getReplicas() == null ? 0 : status.getReplicas();
    Long generation = d.getMetadata().getGeneration();
    Long observed = status == null ? null : status.getObservedGeneration();
    boolean current = generation == null || (observed != null && observed >= generation);
    String summary =
        available
            + "/"
            + desired
            + " available, "
            + updated
            + " updated"
            + (total > desired ? ", " + (total - desired) + " old still running" : "")
            + (current ? "" : ", rollout not yet observed");
    boolean healthy = current && updated == desired && available == desired && total == desired;
    return new Observation(healthy, summary);
  }

  @Override
  public void restart() {
    resource().rolling().restart();
  }

  @Override
  public void close() {
    client.close();
  }
}
