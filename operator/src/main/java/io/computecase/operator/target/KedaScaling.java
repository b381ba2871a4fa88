package io.computecase.operator.target;

import io.computecase.api.v1alpha1.Autoscaling;
import io.computecase.api.v1alpha1.ComputeTarget;
import io.computecase.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A KEDA ScaledObject scaling a target's workers on its queue depth, in flight included. */
public final class KedaScaling {
  static final String CRD = "scaledobjects.keda.sh";
  private final KubernetesClient client;
  private final OperatorConfig config;

  public KedaScaling(KubernetesClient client, OperatorConfig config) {
    this.client = client;
    this.config = config;
  }

  /** Whether KEDA's CRDs are installed; without them the Deployment keeps fixed replicas. */
  public boolean available() {
    try {
      return client.apiextensions().v1().customResourceDefinitions().withName(CRD).get() != null;
    } catch (KubernetesClientException e) {
      return false;
    }
  }

  public GenericKubernetesResource desired(ComputeTarget target, String queueUrl) {
    Autoscaling scaling = target.getSpec().getAutoscaling();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("queueURL", queueUrl);
    metadata.put("queueLength", String.valueOf(scaling.getMessagesPerReplica()));
    metadata.put("awsRegion", config.region());
    metadata.put("scaleOnInFlight", "true");
    config.sqsEndpoint().ifPresent(e -> metadata.put("awsEndpoint", e.toString()));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put(
        "scaleTargetRef", Map.of("name", WorkerDeployment.name(target.getMetadata().getName())));
    spec.put("minReplicaCount", scaling.getMinReplicas());
    spec.put("maxReplicaCount", scaling.getMaxReplicas());
    spec.put("triggers", List.of(Map.of("type", "aws-sqs-queue", "metadata", metadata)));
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("keda.sh/v1alpha1")
        .withKind("ScaledObject")
        .withNewMetadata()
        .withName(WorkerDeployment.name(target.getMetadata().getName()))
        .withNamespace(target.getMetadata().getNamespace())
        .addNewOwnerReference()
        .withApiVersion(target.getApiVersion())
        .withKind(target.getKind())
        .withName(target.getMetadata().getName())
        .withUid(target.getMetadata().getUid())
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .withAdditionalProperties(Map.of("spec", spec))
        .build();
  }
}
