package io.computecase.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.helm.chart.OperatorContainer;
import io.computecase.helm.chart.RenderedChart;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DefaultValuesRenderTest {

  private static RenderedChart chart;

  @BeforeAll
  static void render() {
    chart = RenderedChart.withDefaults();
  }

  @Test
  void rendersTheOperatorItsAccessAndTheDefaultTargetButNoOptionalExtras() {
    assertThat(chart.resources())
        .extracting(HasMetadata::getKind)
        .containsOnly(
            "Deployment",
            "Service",
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "PodDisruptionBudget",
            "ComputeTarget");
    assertThat(chart.kinds())
        .doesNotContain("NetworkPolicy", "ServiceMonitor", "TriggerAuthentication");
  }

  @Test
  void runsTwoOperatorReplicasFromTheAppVersionImage() {
    OperatorContainer operator = OperatorContainer.of(chart);
    assertThat(operator.deployment().getSpec().getReplicas()).isEqualTo(2);
    assertThat(operator.container().getImage())
        .isEqualTo("ghcr.io/computecase/computecase-operator:0.1.0");
  }

  @Test
  void setsTheContractEnvironmentAndNoEndpointOverrides() {
    Map<String, String> env = OperatorContainer.of(chart).env();
    assertThat(env)
        .containsEntry("AWS_REGION", "us-east-1")
        .containsEntry("COMPUTECASE_BUS_NAME", "computecase")
        .containsEntry("COMPUTECASE_STATE_MACHINE_NAME", "computecase")
        .containsEntry("COMPUTECASE_STATE_MACHINE_ROLE_ARN", "")
        .containsEntry("COMPUTECASE_WATCH_NAMESPACES", "")
        .containsEntry("COMPUTECASE_HTTP_PORT", "8080")
        .containsEntry("POD_NAME", "fieldRef:metadata.name")
        .containsEntry("POD_NAMESPACE", "fieldRef:metadata.namespace")
        .containsEntry("OTEL_SERVICE_NAME", "computecase-operator")
        .containsEntry("OTEL_TRACES_EXPORTER", "none");
    // Absent, not empty: the SDK's default resolution (and AWS_ENDPOINT_URL_*) must stay in charge.
    assertThat(env)
        .doesNotContainKeys(
            "COMPUTECASE_SFN_ENDPOINT", "COMPUTECASE_EVENTS_ENDPOINT", "COMPUTECASE_SQS_ENDPOINT");
  }

  @Test
  void theDefaultTargetRunsTheWorkerImage() {
    GenericKubernetesResource target =
        (GenericKubernetesResource) chart.ofKind("ComputeTarget").get(0);
    assertThat(target.getApiVersion()).isEqualTo("computecase.io/v1alpha1");
    assertThat(target.getMetadata().getName()).isEqualTo("default");
    assertThat(target.getMetadata().getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
    assertThat((Object) target.get("spec", "image"))
        .isEqualTo("ghcr.io/computecase/computecase-worker:0.1.0");
  }

  @Test
  void workersGetTheirOwnServiceAccountWithoutAKubernetesToken() {
    ServiceAccount worker = chart.named(ServiceAccount.class, "cc-computecase-worker").orElseThrow();
    assertThat(worker.getAutomountServiceAccountToken()).isFalse();
    assertThat(chart.named(ServiceAccount.class, "cc-computecase")).isPresent();
  }

  @Test
  void keepsOneOperatorThroughDrains() {
    PodDisruptionBudget budget = chart.only(PodDisruptionBudget.class);
    assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(budget.getSpec().getSelector().getMatchLabels())
        .isEqualTo(
            OperatorContainer.of(chart).deployment().getSpec().getSelector().getMatchLabels());
  }

  @Test
  void noPodDisruptionBudgetForASingleReplicaItWouldBlockEveryDrain() {
    RenderedChart single =
        RenderedChart.render(java.util.List.of(), Map.of("operator.replicas", "1"));
    assertThat(single.all(PodDisruptionBudget.class)).isEmpty();
  }
}
