package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.api.v1alpha1.Computation;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ComputeTarget;
import io.computecase.api.v1alpha1.ComputeTargetSpec;
import io.computecase.local.stack.EmbeddedStack;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Two teams name a target {@code shared} in their own namespaces. Each gets its own queue and rule,
 * each case's items reach only its own team's workers, deleting one team's target leaves the
 * other's queue, and a third namespace sees neither.
 */
class NamespacesShareNoTargetTest {
  private static final String TEAM_A = "team-a";
  private static final String TEAM_B = "team-b";
  private static StackFixture fixture;
  private static SqsClient sqs;

  @BeforeAll
  static void start() {
    fixture = new StackFixture(1, 10);
    sqs =
        SqsClient.builder()
            .endpointOverride(fixture.stack.aws().sqsEndpoint())
            .region(Region.of(EmbeddedStack.REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
    for (String namespace : List.of(TEAM_A, TEAM_B, "team-c")) {
      fixture
          .stack
          .client()
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
  }

  @AfterAll
  static void stop() {
    sqs.close();
    fixture.close();
  }

  /**
   * Team A computes with "simulate", team B with "cpu": an item's result says whose worker ran it.
   */
  private static Resource<ComputeTarget> applyShared(String namespace, String kind) {
    ComputeTargetSpec spec = new ComputeTargetSpec();
    spec.setImage("computecase-worker:embedded");
    spec.setReplicas(1);
    spec.setConcurrency(10);
    Computation computation = new Computation();
    computation.setKind(kind);
    spec.setComputation(computation);
    ComputeTarget target = new ComputeTarget();
    target.setMetadata(new ObjectMetaBuilder().withName("shared").withNamespace(namespace).build());
    target.setSpec(spec);
    fixture
        .stack
        .client()
        .resources(ComputeTarget.class)
        .inNamespace(namespace)
        .resource(target)
        .create();
    return fixture
        .stack
        .client()
        .resources(ComputeTarget.class)
        .inNamespace(namespace)
        .withName("shared");
  }

  private static Resource<ComputeCase> applyCase(String namespace, String name, int count) {
    ComputeCaseSpec spec = StackFixture.generated(count, StackFixture.parameters(20));
    spec.setTarget("shared");
    ComputeCase resource = new ComputeCase();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    resource.setSpec(spec);
    fixture
        .stack
        .client()
        .resources(ComputeCase.class)
        .inNamespace(namespace)
        .resource(resource)
        .create();
    return fixture
        .stack
        .client()
        .resources(ComputeCase.class)
        .inNamespace(namespace)
        .withName(name);
  }

  private static String queueUrl(Resource<ComputeTarget> target) {
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                target.get().getStatus() != null && target.get().getStatus().getQueueUrl() != null);
    return target.get().getStatus().getQueueUrl();
  }

  @Test
  void eachTeamsItemsReachOnlyItsOwnWorkersAndDeletingOneTargetLeavesTheOther() throws Exception {
    Resource<ComputeTarget> a = applyShared(TEAM_A, "simulate");
    Resource<ComputeTarget> b = applyShared(TEAM_B, "cpu");
    String queueA = queueUrl(a);
    String queueB = queueUrl(b);
    assertThat(queueA).isNotEqualTo(queueB);
    assertThat(a.get().getStatus().getRuleArn()).isNotEqualTo(b.get().getStatus().getRuleArn());
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                fixture.stack.runningWorkers(TEAM_A, "shared") == 1
                    && fixture.stack.runningWorkers(TEAM_B, "shared") == 1);

    Resource<ComputeCase> caseA = applyCase(TEAM_A, "work", 30);
    Resource<ComputeCase> caseB = applyCase(TEAM_B, "work", 30);
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                "Succeeded".equals(StackFixture.phase(caseA))
                    && "Succeeded".equals(StackFixture.phase(caseB)));

    for (JsonNode output : taskOutputs(caseA)) {
      assertThat(output.path("result").has("simulatedMs")).as("team A's item %s", output).isTrue();
    }
    for (JsonNode output : taskOutputs(caseB)) {
      assertThat(output.path("result").has("pi")).as("team B's item %s", output).isTrue();
    }

    // A namespace with no target of that name sees no other namespace's
    Resource<ComputeCase> caseC = applyCase("team-c", "work", 3);
    await().atMost(Duration.ofMinutes(1)).until(() -> "Failed".equals(StackFixture.phase(caseC)));
    assertThat(StackFixture.status(caseC).getMessage())
        .contains("names no compute target in namespace team-c")
        .contains("create ComputeTarget 'shared' in this namespace");

    a.delete();
    await().atMost(Duration.ofMinutes(1)).until(() -> a.get() == null);
    assertThatThrownBy(
            () ->
                sqs.getQueueAttributes(
                    r -> r.queueUrl(queueA).attributeNames(QueueAttributeName.QUEUE_ARN)))
        .isInstanceOf(QueueDoesNotExistException.class);
    assertThat(
            sqs.getQueueAttributes(
                    r -> r.queueUrl(queueB).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes())
        .containsKey(QueueAttributeName.QUEUE_ARN);
    Resource<ComputeCase> again = applyCase(TEAM_B, "again", 10);
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> "Succeeded".equals(StackFixture.phase(again)));
  }

  /** What each item's worker answered, as the item's child execution recorded it. */
  private static List<JsonNode> taskOutputs(Resource<ComputeCase> cc) throws Exception {
    String mapRunArn =
        fixture
            .sfn
            .listMapRuns(r -> r.executionArn(StackFixture.status(cc).getExecutionArn()))
            .mapRuns()
            .get(0)
            .mapRunArn();
    List<JsonNode> outputs = new ArrayList<>();
    for (var child :
        fixture.sfn.listExecutionsPaginator(r -> r.mapRunArn(mapRunArn)).executions()) {
      for (var event :
          fixture
              .sfn
              .getExecutionHistory(
                  r -> r.executionArn(child.executionArn()).includeExecutionData(true))
              .events()) {
        if (event.taskSucceededEventDetails() != null) {
          outputs.add(StackFixture.JSON.readTree(event.taskSucceededEventDetails().output()));
        }
      }
    }
    assertThat((long) outputs.size()).isEqualTo(cc.get().getStatus().getSummary().getSucceeded());
    return outputs;
  }
}
