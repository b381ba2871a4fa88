package io.computecase.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ConfigMapKeyRef;
import io.computecase.api.v1alpha1.ItemsFrom;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * What a user does every day, with the real kubectl on the real API server, the operator and the
 * workers running as {@code computecase-local up --kubeconfig} runs them.
 */
@RealApiServerTest
class EverydayUseTest {
  private static final String NAMESPACE = "everyday";
  private static ClusterStack stack;

  @BeforeAll
  static void start() {
    stack = ClusterStack.start(true, 4, 250, NAMESPACE);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theSampleIsAppliedWaitedForAndListedWithKubectl() {
    RealCluster cluster = stack.cluster;
    String sample =
        RealCluster.repo().resolve("sample_data_sets/computecase-example.yaml").toString();
    RealCluster.Result applied = cluster.kubectl("apply", "-n", NAMESPACE, "-f", sample);
    assertThat(applied.exit()).as(applied.output()).isZero();
    assertThat(applied.stdout())
        .contains(
            "computecase.computecase.io/example-100 created",
            "computecase.computecase.io/example-inline created");

    RealCluster.Result waited =
        cluster.kubectl(
            "wait",
            "-n",
            NAMESPACE,
            "--for=jsonpath={.status.phase}=Succeeded",
            "computecase/example-100",
            "computecase/example-inline",
            "--timeout=180s");
    assertThat(waited.exit()).as(waited.output()).isZero();

    String table = cluster.kubectl("get", "cc", "-n", NAMESPACE).stdout();
    assertThat(table.lines().findFirst().orElse(""))
        .containsPattern("NAME\\s+AGE\\s+PHASE\\s+DONE\\s+FAILED");
    assertThat(table).containsPattern("example-100\\s+\\S+\\s+Succeeded\\s+100/100\\s+0");
    assertThat(table).containsPattern("example-inline\\s+\\S+\\s+Succeeded\\s+3/3\\s+0");
    assertThat(
            cluster
                .kubectl(
                    "get",
                    "cc",
                    "example-100",
                    "-n",
                    NAMESPACE,
                    "-o",
                    "jsonpath={.status.summary.succeeded}")
                .stdout())
        .isEqualTo("100");
  }

  @Test
  void deletingARunningCaseStopsItsExecution() {
    // items that would take ten minutes: the case is surely running when it is deleted
    Resource<ComputeCase> running = stack.create(NAMESPACE, "deleted-while-running", 20, 600_000);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> "Running".equals(ClusterStack.phase(running)));
    String executionArn = ClusterStack.status(running).getExecutionArn();

    RealCluster.Result deleted =
        stack.cluster.kubectl(
            "delete", "cc", "deleted-while-running", "-n", NAMESPACE, "--timeout=60s");
    assertThat(deleted.exit()).as(deleted.output()).isZero();

    assertThat(running.get()).isNull();
    assertThat(stack.sfn.describeExecution(b -> b.executionArn(executionArn)).status())
        .isEqualTo(ExecutionStatus.ABORTED);
  }

  @Test
  void aHundredCasesOfAHundredItemsAllSucceed() {
    List<Resource<ComputeCase>> cases = new ArrayList<>();
    IntStream.range(0, 100)
        .forEach(i -> cases.add(stack.create(NAMESPACE, "hundred-" + i, 100, 100)));
    await("100 cases succeed")
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> cases.stream().allMatch(c -> "Succeeded".equals(ClusterStack.phase(c))));
    for (Resource<ComputeCase> computeCase : cases) {
      assertThat(ClusterStack.status(computeCase).getSummary().getSucceeded()).isEqualTo(100);
    }
  }

  @Test
  void aTargetThatDoesNotExistFailsTheCaseWithItsReason() {
    RealCluster.Result applied =
        stack.cluster.kubectlWithInput(
            CaseManifests.computeCase("no-such-target", "generate: {count: 2}\n  target: nowhere"),
            "apply",
            "-n",
            NAMESPACE,
            "-f",
            "-");
    assertThat(applied.exit()).as(applied.output()).isZero();
    Resource<ComputeCase> resource = stack.computeCase(NAMESPACE, "no-such-target");
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> "Failed".equals(ClusterStack.phase(resource)));
    Condition accepted = condition(resource, "Accepted");
    assertThat(accepted.getStatus()).isEqualTo("False");
    assertThat(accepted.getMessage()).contains("spec.target").contains("nowhere");
  }

  @Test
  void itemsFromAConfigMapThatDoesNotExistFailTheCaseWithItsReason() {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    ItemsFrom from = new ItemsFrom();
    ConfigMapKeyRef ref = new ConfigMapKeyRef();
    ref.setName("absent");
    ref.setKey("items.json");
    from.setConfigMapKeyRef(ref);
    spec.setItemsFrom(from);
    ComputeCase resource = new ComputeCase();
    resource.setMetadata(
        new ObjectMetaBuilder().withName("missing-configmap").withNamespace(NAMESPACE).build());
    resource.setSpec(spec);
    stack.client().resource(resource).create();
    Resource<ComputeCase> created = stack.computeCase(NAMESPACE, "missing-configmap");
    await().atMost(Duration.ofMinutes(1)).until(() -> "Failed".equals(ClusterStack.phase(created)));
    assertThat(condition(created, "Accepted").getMessage()).contains("absent");
  }

  private static Condition condition(Resource<ComputeCase> resource, String type) {
    return ClusterStack.status(resource).getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " on " + resource.get()));
  }
}
