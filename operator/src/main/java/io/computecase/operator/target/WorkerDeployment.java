package io.computecase.operator.target;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.api.v1alpha1.Computation;
import io.computecase.api.v1alpha1.ComputeTarget;
import io.computecase.api.v1alpha1.ComputeTargetSpec;
import io.computecase.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The worker Deployment of a target: the image, told its queue and concurrency by env, run as the
 * target's ServiceAccount under the restricted Pod Security Standard.
 */
public final class WorkerDeployment {
  private final OperatorConfig config;

  public WorkerDeployment(OperatorConfig config) {
    this.config = config;
  }

  public static String name(String target) {
    return "computecase-worker-" + target;
  }

  public Deployment desired(ComputeTarget target, String queueUrl, int replicas) {
    ComputeTargetSpec spec = target.getSpec();
    String name = target.getMetadata().getName();
    Map<String, String> labels =
        Map.of("app.kubernetes.io/name", "computecase-worker", "computecase.io/target", name);
    List<EnvVar> env = new ArrayList<>();
    env.add(env("AWS_REGION", config.region()));
    env.add(env("COMPUTECASE_TARGET", name));
    env.add(env("COMPUTECASE_QUEUE_URL", queueUrl));
    env.add(env("COMPUTECASE_CONCURRENCY", String.valueOf(spec.getConcurrency())));
    env.add(
        env(
            "COMPUTECASE_COMPUTATION",
            spec.getComputation() == null ? "simulate" : spec.getComputation().getKind()));
    Computation computation = spec.getComputation();
    if (computation != null) {
      if (computation.getExecMaxTimeoutSeconds() != null) {
        env.add(
            env(
                "COMPUTECASE_EXEC_MAX_TIMEOUT_SECONDS",
                computation.getExecMaxTimeoutSeconds().toString()));
      }
      if (Boolean.TRUE.equals(computation.getExecAwsCredentials())) {
        env.add(env("COMPUTECASE_EXEC_AWS_CREDENTIALS", "true"));
      }
      if (computation.getExecEnvironment() != null && !computation.getExecEnvironment().isEmpty()) {
        env.add(
            env(
                "COMPUTECASE_EXEC_ENVIRONMENT",
                String.join(",", computation.getExecEnvironment())));
      }
    }
    JsonNode settings = computation == null ? null : computation.getSettings();
    if (settings != null && !settings.isNull()) {
      env.add(env("COMPUTECASE_COMPUTATION_SETTINGS", settings.toString()));
    }
    config.sfnEndpoint().ifPresent(e -> env.add(env("COMPUTECASE_SFN_ENDPOINT", e.toString())));
    config.sqsEndpoint().ifPresent(e -> env.add(env("COMPUTECASE_SQS_ENDPOINT", e.toString())));
    env.add(
        new EnvVarBuilder()
            .withName("COMPUTECASE_WORKER_ID")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .build());
    var pod = spec.getPod();
    if (pod != null && pod.getEnv() != null) {
      env.addAll(pod.getEnv());
    }
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name(name))
        .withNamespace(target.getMetadata().getNamespace())
        .withLabels(labels)
        .addNewOwnerReference()
        .withApiVersion(target.getApiVersion())
        .withKind(target.getKind())
        .withName(name)
        .withUid(target.getMetadata().getUid())
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(pod == null ? null : pod.getServiceAccountName())
        // workers never call the Kubernetes API: no token in the pod unless the target asks for
        // one (IRSA and EKS Pod Identity project their own tokens and need none of this)
        .withAutomountServiceAccountToken(
            pod != null && Boolean.TRUE.equals(pod.getAutomountServiceAccountToken()))
        .withSecurityContext(WorkerPodSecurity.pod())
        .addNewContainer()
        .withName("worker")
        .withImage(spec.getImage())
        .withEnv(env)
        .withResources(WorkerPodSecurity.resources(pod == null ? null : pod.getResources()))
        .withSecurityContext(WorkerPodSecurity.container())
        .addNewVolumeMount()
        .withName("tmp")
        .withMountPath("/tmp")
        .endVolumeMount()
        .addNewPort()
        .withName("http")
        .withContainerPort(8080)
        .endPort()
        .endContainer()
        // the root filesystem is read-only; the JVM and exec computations write under /tmp
        .addNewVolume()
        .withName("tmp")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .withNodeSelector(pod == null ? null : pod.getNodeSelector())
        .withTolerations(pod == null ? null : pod.getTolerations())
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static EnvVar env(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }
}
