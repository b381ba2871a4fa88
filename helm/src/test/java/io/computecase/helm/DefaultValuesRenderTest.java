package io.computecase.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.helm.chart.ChartSources;
import io.computecase.helm.chart.PodContainer;
import io.computecase.helm.chart.RenderedChart;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultValuesRenderTest {

  private static RenderedChart chart;

  @BeforeAll
  static void render() {
    chart = RenderedChart.withDefaults();
  }

  @Test
  void rendersTheOperatorAndItsAccessButNoOptionalExtras() {
    assertThat(chart.resources())
        .extracting(HasMetadata::getKind)
        .contains(
            "Deployment",
            "Service",
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "PodDisruptionBudget")
        .doesNotContain("NetworkPolicy", "ServiceMonitor", "TriggerAuthentication");
  }

  @Test
  void theDefaultTargetRunsAsComputeTargetExactlyWhenTheChartShipsItsCrd() {
    boolean shipsComputeTargetCrd =
        Files.exists(ChartSources.chartDir().resolve("crds/computetargets.computecase.io-v1.yml"));
    if (shipsComputeTargetCrd) {
      assertThat(chart.ofKind("ComputeTarget"))
          .extracting(t -> t.getMetadata().getName())
          .containsExactly("default");
      assertThat(PodContainer.workers(chart)).isEmpty();
    } else {
      assertThat(chart.ofKind("ComputeTarget")).isEmpty();
      assertThat(PodContainer.workers(chart))
          .singleElement()
          .satisfies(w -> assertThat(w.env()).containsEntry("COMPUTECASE_TARGET", "default"));
      assertThat(PodContainer.operator(chart).env())
          .containsEntry("COMPUTECASE_TARGETS", "default");
    }
  }

  @Test
  void runsTwoOperatorReplicasFromTheAppVersionImage() {
    PodContainer operator = PodContainer.operator(chart);
    assertThat(operator.deployment().getSpec().getReplicas()).isEqualTo(2);
    assertThat(operator.container().getImage())
        .isEqualTo("ghcr.io/computecase/computecase-operator:0.1.0");
  }

  @Test
  void setsTheContractEnvironmentAndNoEndpointOverrides() {
    Map<String, String> env = PodContainer.operator(chart).env();
    assertThat(env)
        .containsEntry("AWS_REGION", "us-east-1")
        // every AWS name begins with the release name; bus and state machine are named after it
        .containsEntry("COMPUTECASE_RESOURCE_PREFIX", RenderedChart.RELEASE)
        .doesNotContainKeys("COMPUTECASE_BUS_NAME", "COMPUTECASE_STATE_MACHINE_NAME")
        .containsEntry("COMPUTECASE_STATE_MACHINE_ROLE_ARN", "")
        .containsEntry("COMPUTECASE_WATCH_NAMESPACES", "")
        .containsEntry("COMPUTECASE_HTTP_PORT", "8080")
        .containsEntry("COMPUTECASE_LEADER_ELECTION", "true")
        .containsEntry("POD_NAME", "fieldRef:metadata.name")
        .containsEntry("POD_NAMESPACE", "fieldRef:metadata.namespace")
        .containsEntry("OTEL_SERVICE_NAME", "computecase-operator")
        .containsEntry("OTEL_TRACES_EXPORTER", "none");
    // Absent, not empty: the SDK's default resolution (and AWS_ENDPOINT_URL_*) must stay in charge.
    assertThat(env)
        .doesNotContainKeys(
            "COMPUTECASE_SFN_ENDPOINT",
            "COMPUTECASE_EVENTS_ENDPOINT",
            "COMPUTECASE_SQS_ENDPOINT",
            "COMPUTECASE_S3_ENDPOINT",
            // unset: the operator refuses to start and names the value to set
            "COMPUTECASE_S3_BUCKET",
            "COMPUTECASE_ACCOUNT_ID");
  }

  @Test
  void workersGetTheirOwnServiceAccountWithoutAKubernetesToken() {
    ServiceAccount worker =
        chart.named(ServiceAccount.class, "cc-computecase-worker").orElseThrow();
    assertThat(worker.getAutomountServiceAccountToken()).isFalse();
    assertThat(chart.named(ServiceAccount.class, "cc-computecase")).isPresent();
  }

  @Test
  void keepsOneOperatorThroughDrains() {
    PodDisruptionBudget budget = chart.only(PodDisruptionBudget.class);
    assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(budget.getSpec().getSelector().getMatchLabels())
        .isEqualTo(
            PodContainer.operator(chart).deployment().getSpec().getSelector().getMatchLabels());
    assertThat(PodContainer.operator(chart).pod().getAffinity().getPodAntiAffinity()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"123456789012", "012345678901"})
  void anAccountIdSetOnTheCommandLineKeepsItsDigits(String accountId) {
    // --set turns 123456789012 into an integer; a leading zero keeps it a string.
    RenderedChart chart = RenderedChart.render(List.of(), Map.of("aws.accountId", accountId));
    assertThat(PodContainer.operator(chart).env())
        .containsEntry("COMPUTECASE_ACCOUNT_ID", accountId);
  }

  @Test
  void noPodDisruptionBudgetForASingleReplicaItWouldBlockEveryDrain() {
    RenderedChart single = RenderedChart.render(List.of(), Map.of("operator.replicas", "1"));
    assertThat(single.all(PodDisruptionBudget.class)).isEmpty();
  }
}
