package io.computecase.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.computecase.helm.chart.ChartSources;
import io.computecase.helm.chart.ChartValues;
import io.computecase.helm.chart.CrdSchema;
import io.computecase.helm.chart.PodContainer;
import io.computecase.helm.chart.RenderedChart;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** defaultTargets run either as ComputeTarget resources or as worker Deployments of the chart. */
@SuppressWarnings("unchecked")
class TargetsAsTest {

  private static final String WORKER =
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/computecase-worker:1.2.3";

  @Test
  void asDeploymentsTheChartRunsEachTargetsWorkersOnItsQueue() {
    RenderedChart chart = ChartValues.FULL_WITH_CHART_WORKERS.render();
    List<PodContainer> workers = PodContainer.workers(chart);
    assertThat(workers)
        .extracting(PodContainer::name)
        .containsExactly("computecase-worker-cpu", "computecase-worker-slow");

    PodContainer cpu = workers.get(0);
    assertThat(cpu.container().getImage()).isEqualTo(WORKER);
    assertThat(cpu.env())
        .containsEntry("AWS_REGION", "eu-west-1")
        .containsEntry("COMPUTECASE_TARGET", "cpu")
        .containsEntry("COMPUTECASE_COMPUTATION", "cpu")
        .containsEntry("COMPUTECASE_CONCURRENCY", "2")
        .containsEntry("COMPUTECASE_WORKER_ID", "fieldRef:metadata.name")
        .containsEntry(
            "COMPUTECASE_SFN_ENDPOINT", "http://computecase-local.computecase-system:4566")
        .containsEntry(
            "COMPUTECASE_SQS_ENDPOINT", "http://computecase-local.computecase-system:9324")
        .containsEntry("COMPUTECASE_HTTP_PORT", "8080")
        .containsEntry("OTEL_SERVICE_NAME", "computecase-worker")
        .doesNotContainKey("COMPUTECASE_EVENTS_ENDPOINT");

    PodContainer slow = workers.get(1);
    assertThat(slow.container().getImage())
        .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/scoring:2.0");
    assertThat(slow.deployment().getSpec().getReplicas()).isEqualTo(2);
    assertThat(slow.container().getResources().getRequests().get("cpu").toString()).isEqualTo("2");
    assertThat(slow.pod().getNodeSelector())
        .containsEntry("node.kubernetes.io/instance-type", "c7i.2xlarge");
    assertThat(slow.env())
        .containsEntry("SCORING_MODEL", "v7")
        .containsEntry("COMPUTECASE_COMPUTATION", "exec")
        .containsEntry("COMPUTECASE_CONCURRENCY", "50")
        .containsEntry("COMPUTECASE_VISIBILITY_TIMEOUT_SECONDS", "120");

    assertThat(workers)
        .allSatisfy(
            w -> {
              assertThat(w.pod().getServiceAccountName()).isEqualTo("computecase-worker");
              assertThat(w.pod().getAutomountServiceAccountToken()).isFalse();
              assertThat(w.deployment().getSpec().getSelector().getMatchLabels())
                  .containsEntry("computecase.io/target", w.env().get("COMPUTECASE_TARGET"));
            });
    // The operator provisions exactly these targets' queues and rules at start.
    assertThat(PodContainer.operator(chart).env()).containsEntry("COMPUTECASE_TARGETS", "cpu,slow");
    assertThat(chart.ofKind("ComputeTarget")).isEmpty();
  }

  @Test
  void withKedaAutoscaledWorkersScaleOnTheirQueueAndLeaveReplicasToIt() {
    RenderedChart chart = ChartValues.FULL_WITH_CHART_WORKERS.render();
    List<HasMetadata> scaled = chart.ofKind("ScaledObject");
    assertThat(scaled)
        .extracting(s -> s.getMetadata().getName())
        .containsExactly("computecase-worker-cpu");
    GenericKubernetesResource cpu = (GenericKubernetesResource) scaled.get(0);
    assertThat((Object) cpu.get("spec", "scaleTargetRef", "name"))
        .isEqualTo("computecase-worker-cpu");
    assertThat((Object) cpu.get("spec", "minReplicaCount")).isEqualTo(2);
    assertThat((Object) cpu.get("spec", "maxReplicaCount")).isEqualTo(20);
    List<Map<String, Object>> triggers = cpu.get("spec", "triggers");
    assertThat(triggers)
        .singleElement()
        .satisfies(
            trigger -> {
              assertThat(trigger).containsEntry("type", "aws-sqs-queue");
              assertThat((Map<String, Object>) trigger.get("metadata"))
                  .containsEntry(
                      "queueURL",
                      "http://computecase-local.computecase-system:9324/123456789012/cc-cpu")
                  .containsEntry("queueLength", "4")
                  .containsEntry("awsRegion", "eu-west-1")
                  .containsEntry("scaleOnInFlight", "true");
              assertThat((Map<String, Object>) trigger.get("authenticationRef"))
                  .containsEntry("name", "computecase-aws");
            });
    // KEDA owns the replica count of the scaled Deployment; the chart keeps the fixed one's.
    assertThat(PodContainer.workers(chart))
        .filteredOn(w -> w.name().endsWith("-cpu"))
        .singleElement()
        .satisfies(w -> assertThat(w.deployment().getSpec().getReplicas()).isNull());
  }

  @Test
  void withoutKedaAnAutoscaledTargetRunsItsMinimum() {
    RenderedChart chart =
        RenderedChart.render(
            List.of(ChartSources.valuesFile("full.yaml")),
            Map.of("targetsAs", "Deployment", "keda.enabled", "false"));
    assertThat(chart.ofKind("ScaledObject")).isEmpty();
    assertThat(PodContainer.workers(chart))
        .extracting(w -> w.name() + "=" + w.deployment().getSpec().getReplicas())
        .containsExactly("computecase-worker-cpu=2", "computecase-worker-slow=2");
  }

  @Test
  void onAwsTheScaledQueueUrlIsTheRegionalSqsUrl() {
    RenderedChart chart =
        RenderedChart.render(
            List.of(ChartSources.valuesFile("full.yaml")),
            Map.of("targetsAs", "Deployment", "aws.endpoints.sqs", ""));
    GenericKubernetesResource cpu = (GenericKubernetesResource) chart.ofKind("ScaledObject").get(0);
    List<Map<String, Object>> triggers = cpu.get("spec", "triggers");
    assertThat((Map<String, Object>) triggers.get(0).get("metadata"))
        .containsEntry("queueURL", "https://sqs.eu-west-1.amazonaws.com/123456789012/cc-cpu")
        .doesNotContainKey("awsEndpoint");
  }

  @Test
  void kedaWithoutAnAccountIdOnAwsIsRefusedWithTheFix() {
    assertThatThrownBy(
            () ->
                RenderedChart.render(
                    List.of(ChartSources.valuesFile("full.yaml")),
                    Map.of(
                        "targetsAs", "Deployment", "aws.endpoints.sqs", "", "aws.accountId", "")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs aws.accountId")
        .hasMessageContaining("--set-string aws.accountId=");
  }

  @Test
  void theValuesSchemaKnowsExactlyTheComputeTargetSpecFields() throws IOException {
    var values =
        Serialization.jsonMapper()
            .readTree(ChartSources.chartDir().resolve("values.schema.json").toFile())
            .at("/properties/defaultTargets/items/properties/spec/properties");
    Set<String> chartFields = new TreeSet<>();
    values.fieldNames().forEachRemaining(chartFields::add);
    Path crd = ChartSources.chartDir().resolve("crds/computetargets.computecase.io-v1.yml");
    if (Files.exists(crd)) {
      assertThat(chartFields)
          .isEqualTo(
              new TreeSet<>(
                  CrdSchema.of(crd).root().getProperties().get("spec").getProperties().keySet()));
    } else {
      assertThat(chartFields).contains("image", "computation", "concurrency", "replicas");
    }
  }

  @Test
  void chartRunWorkersGetTheirOwnNetworkPolicy() {
    RenderedChart chart = ChartValues.FULL_WITH_CHART_WORKERS.render();
    NetworkPolicy workers = chart.named(NetworkPolicy.class, "computecase-workers").orElseThrow();
    assertThat(workers.getSpec().getPodSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/component", "worker");
    // Every chart-run worker pod is selected, and the operator's pods are not.
    assertThat(PodContainer.workers(chart))
        .allSatisfy(
            w ->
                assertThat(w.deployment().getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(workers.getSpec().getPodSelector().getMatchLabels()));
    assertThat(
            PodContainer.operator(chart)
                .deployment()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels())
        .doesNotContainEntry("app.kubernetes.io/component", "worker");
    assertThat(workers.getSpec().getEgress())
        .flatExtracting(rule -> rule.getPorts())
        .extracting(p -> p.getPort().getIntVal())
        .contains(53, 443);
  }

  @Test
  void workerSelectorsNeverOverlapTheOperators() {
    RenderedChart chart = ChartValues.FULL_WITH_CHART_WORKERS.render();
    Map<String, String> operatorSelector =
        PodContainer.operator(chart).deployment().getSpec().getSelector().getMatchLabels();
    assertThat(PodContainer.workers(chart))
        .allSatisfy(
            w ->
                assertThat(w.deployment().getSpec().getTemplate().getMetadata().getLabels())
                    .doesNotContainEntry("app.kubernetes.io/component", "operator")
                    .containsEntry("app.kubernetes.io/component", "worker"));
    assertThat(operatorSelector).containsEntry("app.kubernetes.io/component", "operator");
  }

  @Test
  void asComputeTargetsTheOperatorRunsThemOrTheChartSaysWhyItCannot() throws IOException {
    Map<String, Object> computeTargets = Map.of("targetsAs", "ComputeTarget");
    List<Path> full = List.of(ChartSources.valuesFile("full.yaml"));
    if (Files.exists(
        ChartSources.chartDir().resolve("crds/computetargets.computecase.io-v1.yml"))) {
      RenderedChart chart = RenderedChart.render(full, computeTargets);
      List<HasMetadata> targets = chart.ofKind("ComputeTarget");
      assertThat(targets).extracting(t -> t.getMetadata().getName()).containsExactly("cpu", "slow");
      GenericKubernetesResource cpu = (GenericKubernetesResource) targets.get(0);
      GenericKubernetesResource slow = (GenericKubernetesResource) targets.get(1);
      assertThat((Object) cpu.get("spec", "image")).isEqualTo(WORKER);
      assertThat((Object) slow.get("spec", "image"))
          .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/scoring:2.0");
      assertThat(PodContainer.workers(chart)).isEmpty();
      assertThat(PodContainer.operator(chart).env()).doesNotContainKey("COMPUTECASE_TARGETS");
      // The API server would prune (drop) any field the ComputeTarget schema does not declare.
      CrdSchema schema =
          CrdSchema.of(
              ChartSources.chartDir().resolve("crds/computetargets.computecase.io-v1.yml"));
      for (HasMetadata target : targets) {
        Map<String, Object> asMap = Serialization.jsonMapper().convertValue(target, Map.class);
        assertThat(schema.undeclaredFields(asMap)).as(target.getMetadata().getName()).isEmpty();
      }
    } else {
      assertThatThrownBy(() -> RenderedChart.render(full, computeTargets))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("targetsAs=ComputeTarget needs the ComputeTarget CRD")
          .hasMessageContaining("set targetsAs to auto or Deployment");
    }
  }
}
