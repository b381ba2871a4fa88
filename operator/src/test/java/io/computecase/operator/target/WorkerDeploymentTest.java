package io.computecase.operator.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.api.v1alpha1.Computation;
import io.computecase.api.v1alpha1.ComputeTarget;
import io.computecase.api.v1alpha1.ComputeTargetSpec;
import io.computecase.api.v1alpha1.PodSettings;
import io.computecase.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worker pods pass the restricted Pod Security Standard, run as the target's ServiceAccount (for
 * IRSA or Pod Identity), and request resources even when the target names none.
 */
class WorkerDeploymentTest {
  private final WorkerDeployment deployments =
      new WorkerDeployment(OperatorConfig.builder().build());

  @Test
  void aTargetWithoutPodSettingsGetsRestrictedPodsWithDefaultRequests() {
    PodSpec pod = podOf(target(null));

    assertThat(pod.getServiceAccountName()).isNull();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getContainers().get(0).getEnv())
        .extracting(e -> e.getName())
        .doesNotContain("COMPUTECASE_EXEC_AWS_CREDENTIALS", "COMPUTECASE_EXEC_MAX_TIMEOUT_SECONDS");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    var container = pod.getContainers().get(0);
    var security = container.getSecurityContext();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getResources().getRequests())
        .containsEntry("cpu", new Quantity("250m"))
        .containsEntry("memory", new Quantity("256Mi"));
    assertThat(container.getVolumeMounts())
        .singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    assertThat(pod.getVolumes())
        .singleElement()
        .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
  }

  @Test
  void aTargetsServiceAccountAndResourcesAreUsedAsGiven() {
    PodSettings settings = new PodSettings();
    settings.setServiceAccountName("workers-irsa");
    settings.setResources(
        new ResourceRequirementsBuilder()
            .addToRequests("cpu", new Quantity("2"))
            .addToLimits("memory", new Quantity("4Gi"))
            .build());

    PodSpec pod = podOf(target(settings));

    assertThat(pod.getServiceAccountName()).isEqualTo("workers-irsa");
    var resources = pod.getContainers().get(0).getResources();
    assertThat(resources.getRequests()).containsOnlyKeys("cpu");
    assertThat(resources.getRequests().get("cpu")).isEqualTo(new Quantity("2"));
    assertThat(resources.getLimits()).containsEntry("memory", new Quantity("4Gi"));
  }

  @Test
  void limitsAloneAreLeftForKubernetesToCopyIntoRequests() {
    PodSettings settings = new PodSettings();
    settings.setResources(
        new ResourceRequirementsBuilder().addToLimits("memory", new Quantity("1Gi")).build());

    var resources = podOf(target(settings)).getContainers().get(0).getResources();

    assertThat(resources.getLimits()).containsEntry("memory", new Quantity("1Gi"));
    // a default request above a small limit would make the pod invalid
    assertThat(resources.getRequests()).isNullOrEmpty();
  }

  @Test
  void aTargetOptsInToATokenAndToExecCredentialsAndSetsExecLimits() {
    PodSettings settings = new PodSettings();
    settings.setAutomountServiceAccountToken(true);
    ComputeTarget target = target(settings);
    Computation computation = new Computation();
    computation.setKind("exec");
    computation.setExecAwsCredentials(true);
    computation.setExecMaxTimeoutSeconds(600);
    computation.setExecEnvironment(List.of("MODEL_DIR", "DATABASE_URL"));
    target.getSpec().setComputation(computation);

    PodSpec pod = podOf(target);

    assertThat(pod.getAutomountServiceAccountToken()).isTrue();
    assertThat(pod.getContainers().get(0).getEnv())
        .extracting(e -> e.getName() + "=" + e.getValue())
        .contains(
            "COMPUTECASE_EXEC_AWS_CREDENTIALS=true",
            "COMPUTECASE_EXEC_MAX_TIMEOUT_SECONDS=600",
            "COMPUTECASE_EXEC_ENVIRONMENT=MODEL_DIR,DATABASE_URL");
  }

  private PodSpec podOf(ComputeTarget target) {
    return deployments
        .desired(target, "http://sqs/computecase-t", 1)
        .getSpec()
        .getTemplate()
        .getSpec();
  }

  private static ComputeTarget target(PodSettings pod) {
    ComputeTarget target = new ComputeTarget();
    target.setMetadata(
        new ObjectMetaBuilder().withName("t").withNamespace("cases").withUid("uid-1").build());
    ComputeTargetSpec spec = new ComputeTargetSpec();
    spec.setImage("computecase/worker:test");
    spec.setPod(pod);
    target.setSpec(spec);
    return target;
  }
}
