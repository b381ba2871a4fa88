package io.computecase.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.helm.chart.ChartValues;
import io.computecase.helm.chart.PodContainer;
import io.computecase.helm.chart.RenderedChart;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FullValuesRenderTest {

  private static final String IRSA = "eks.amazonaws.com/role-arn";
  private static RenderedChart chart;

  @BeforeAll
  static void render() {
    chart = ChartValues.FULL.render();
  }

  @Test
  void passesEveryAwsSettingAsTheContractVariables() {
    Map<String, String> env = PodContainer.operator(chart).env();
    assertThat(env)
        .containsEntry("AWS_REGION", "eu-west-1")
        .containsEntry("COMPUTECASE_BUS_NAME", "computing")
        // A bare number in a values file is a float to Helm; the digits must survive.
        .containsEntry("COMPUTECASE_ACCOUNT_ID", "123456789012")
        .containsEntry("COMPUTECASE_STATE_MACHINE_NAME", "computecase-prod")
        .containsEntry(
            "COMPUTECASE_STATE_MACHINE_ROLE_ARN",
            "arn:aws:iam::123456789012:role/computecase-state-machine")
        .containsEntry(
            "COMPUTECASE_SFN_ENDPOINT", "http://computecase-local.computecase-system:4566")
        .containsEntry(
            "COMPUTECASE_EVENTS_ENDPOINT", "http://computecase-local.computecase-system:4566")
        .containsEntry(
            "COMPUTECASE_SQS_ENDPOINT", "http://computecase-local.computecase-system:9324")
        .containsEntry(
            "COMPUTECASE_S3_ENDPOINT", "http://computecase-local.computecase-system:9000")
        .containsEntry("COMPUTECASE_S3_BUCKET", "computecase-123456789012-eu-west-1")
        .containsEntry("COMPUTECASE_WATCH_NAMESPACES", "team-a,team-b")
        .containsEntry("COMPUTECASE_HTTP_PORT", "9090")
        .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.observability:4318")
        .containsEntry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
        .containsEntry(
            "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=prod,k8s.cluster.name=main")
        .containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=70")
        .doesNotContainKey("OTEL_TRACES_EXPORTER");
  }

  @Test
  void usesTheConfiguredImagesAndPullSecrets() {
    PodContainer operator = PodContainer.operator(chart);
    assertThat(operator.container().getImage())
        .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/computecase-operator:1.2.3");
    assertThat(operator.container().getImagePullPolicy()).isEqualTo("Always");
    assertThat(operator.deployment().getSpec().getTemplate().getSpec().getImagePullSecrets())
        .extracting(LocalObjectReference::getName)
        .containsExactly("ecr-pull");
    assertThat(operator.deployment().getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void annotatesBothServiceAccountsForIrsa() {
    assertThat(chart.named(ServiceAccount.class, "computecase-operator").orElseThrow())
        .satisfies(
            sa ->
                assertThat(sa.getMetadata().getAnnotations())
                    .containsEntry(IRSA, "arn:aws:iam::123456789012:role/computecase-operator"));
    assertThat(chart.named(ServiceAccount.class, "computecase-worker").orElseThrow())
        .satisfies(
            sa ->
                assertThat(sa.getMetadata().getAnnotations())
                    .containsEntry(IRSA, "arn:aws:iam::123456789012:role/computecase-worker"));
    assertThat(
            PodContainer.operator(chart)
                .deployment()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getServiceAccountName())
        .isEqualTo("computecase-operator");
  }

  @Test
  void namespacedScopeGrantsRolesOnlyInTheWatchedNamespaces() {
    assertThat(chart.all(Role.class))
        .extracting(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "team-a/computecase",
            "team-b/computecase",
            RenderedChart.NAMESPACE + "/computecase-leader-election");
    // The only cluster-wide grant left is reading the CRDs by name.
    ClusterRole crdReader = chart.only(ClusterRole.class);
    assertThat(crdReader.getRules())
        .allSatisfy(
            rule -> {
              assertThat(rule.getResources()).containsExactly("customresourcedefinitions");
              assertThat(rule.getResourceNames()).isNotEmpty();
              assertThat(rule.getVerbs()).containsExactly("get");
            });
  }

  @Test
  void kedaReadsQueueDepthWithTheWorkersIdentity() {
    GenericKubernetesResource auth =
        (GenericKubernetesResource) chart.ofKind("TriggerAuthentication").get(0);
    assertThat(auth.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
    assertThat((Object) auth.get("spec", "podIdentity", "provider")).isEqualTo("aws");
    assertThat((Object) auth.get("spec", "podIdentity", "identityOwner")).isEqualTo("workload");
  }

  @Test
  void serviceMonitorScrapesTheMetricsPortOfTheOperatorService() {
    GenericKubernetesResource monitor =
        (GenericKubernetesResource) chart.ofKind("ServiceMonitor").get(0);
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
    List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
    assertThat(endpoints)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .containsEntry("port", "http")
                    .containsEntry("path", "/metrics")
                    .containsEntry("interval", "15s"));
  }

  @Test
  void networkPolicyOpensOnlyMetricsInAndDnsApiAndAwsOut() {
    NetworkPolicy policy = chart.only(NetworkPolicy.class);
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(policy.getSpec().getIngress())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getPorts())
                  .extracting(p -> p.getPort().getIntVal())
                  .containsExactly(9090);
              assertThat(rule.getFrom()).hasSize(1);
            });
    assertThat(policy.getSpec().getEgress())
        .flatExtracting(rule -> rule.getPorts())
        .extracting(NetworkPolicyPort::getPort)
        .extracting(p -> p.getIntVal())
        .containsExactlyInAnyOrder(53, 53, 443, 6443, 4566, 9324);
  }

  @Test
  void budgetFollowsTheConfiguredMinimum() {
    assertThat(chart.only(PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal())
        .isEqualTo(2);
  }
}
