package io.computecase.local.stack;

import io.computecase.api.v1alpha1.ComputeTarget;
import io.computecase.api.v1alpha1.ComputeTargetSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The ComputeTarget {@code default} of the embedded stack, as a platform team would apply it in
 * each namespace that runs cases (a case only sees the targets of its own namespace): its replicas
 * and concurrency come from the command line. Its image is never pulled here; the in-process
 * kubelet runs the worker code itself.
 */
final class DefaultTarget {
  static final String NAME = "default";
  static final String NAMESPACE = "default";
  static final String EMBEDDED_IMAGE = "computecase-worker:embedded";

  private DefaultTarget() {}

  static void apply(KubernetesClient client, String namespace, int replicas, int concurrency) {
    ComputeTargetSpec spec = new ComputeTargetSpec();
    spec.setImage(EMBEDDED_IMAGE);
    spec.setReplicas(replicas);
    spec.setConcurrency(concurrency);
    ComputeTarget target = new ComputeTarget();
    target.setMetadata(new ObjectMetaBuilder().withName(NAME).withNamespace(namespace).build());
    target.setSpec(spec);
    client
        .resources(ComputeTarget.class)
        .inNamespace(namespace)
        .resource(target)
        .createOr(existing -> existing.update());
  }
}
