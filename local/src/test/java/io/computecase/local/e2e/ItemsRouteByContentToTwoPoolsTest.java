package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ComputeTarget;
import io.computecase.api.v1alpha1.ComputeTargetSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * New computing targets plug in as routing rules: two pools split one case's items by content, a
 * third pool added while the case runs changes nothing for it, and the state machine is never
 * updated.
 */
class ItemsRouteByContentToTwoPoolsTest {
  private static StackFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new StackFixture(1, 10);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static void applyTarget(String name, String size) {
    ComputeTargetSpec spec = new ComputeTargetSpec();
    spec.setImage("computecase-worker:embedded");
    spec.setReplicas(1);
    spec.setConcurrency(20);
    spec.setRouteFrom(List.of("mixed"));
    spec.setItemPattern(
        StackFixture.JSON
            .createObjectNode()
            .set("size", StackFixture.JSON.createArrayNode().add(size)));
    ComputeTarget target = new ComputeTarget();
    target.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(StackFixture.NAMESPACE).build());
    target.setSpec(spec);
    fixture
        .stack
        .client()
        .resources(ComputeTarget.class)
        .inNamespace(StackFixture.NAMESPACE)
        .resource(target)
        .create();
  }

  @Test
  void everyItemIsComputedByThePoolItsContentSelects() throws Exception {
    String stateMachineArn = fixture.stack.operator().stateMachineArn();
    var definitionBefore =
        fixture.sfn.describeStateMachine(b -> b.stateMachineArn(stateMachineArn));
    applyTarget("small", "small");
    applyTarget("large", "large");
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                fixture.stack.runningWorkers("small") == 1
                    && fixture.stack.runningWorkers("large") == 1);

    List<ObjectNode> items = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      items.add(
          StackFixture.JSON
              .createObjectNode()
              .put("caseId", String.valueOf(i))
              .put("size", i % 2 == 0 ? "small" : "large"));
    }
    ComputeCaseSpec spec = StackFixture.inline(items, StackFixture.parameters(200));
    spec.setTarget("mixed");
    Resource<ComputeCase> cc = fixture.apply("mixed-sizes", spec);
    await().atMost(Duration.ofMinutes(1)).until(() -> "Running".equals(StackFixture.phase(cc)));

    applyTarget("medium", "medium");

    await().atMost(Duration.ofMinutes(2)).until(() -> "Succeeded".equals(StackFixture.phase(cc)));
    assertThat(StackFixture.status(cc).getSummary().getSucceeded()).isEqualTo(40);

    String mapRunArn =
        fixture
            .sfn
            .listMapRuns(b -> b.executionArn(StackFixture.status(cc).getExecutionArn()))
            .mapRuns()
            .get(0)
            .mapRunArn();
    List<ExecutionListItem> children =
        fixture.sfn.listExecutionsPaginator(b -> b.mapRunArn(mapRunArn)).executions().stream()
            .toList();
    assertThat(children).hasSize(40);
    for (ExecutionListItem child : children) {
      var described = fixture.sfn.describeExecution(b -> b.executionArn(child.executionArn()));
      String size = StackFixture.JSON.readTree(described.input()).at("/item/size").asText();
      JsonNode taskOutput = taskOutput(child.executionArn());
      assertThat(taskOutput.get("worker").asText())
          .as("item of size %s", size)
          .startsWith("computecase-worker-" + size + "-");
    }
    var definitionAfter = fixture.sfn.describeStateMachine(b -> b.stateMachineArn(stateMachineArn));
    assertThat(definitionAfter.revisionId()).isEqualTo(definitionBefore.revisionId());
    assertThat(definitionAfter.definition()).isEqualTo(definitionBefore.definition());
  }

  /** The worker's whole answer, as the item's child execution recorded it. */
  private static JsonNode taskOutput(String childArn) throws Exception {
    var events =
        fixture
            .sfn
            .getExecutionHistory(b -> b.executionArn(childArn).includeExecutionData(true))
            .events();
    for (var event : events) {
      if (event.taskSucceededEventDetails() != null) {
        return StackFixture.JSON.readTree(event.taskSucceededEventDetails().output());
      }
    }
    throw new AssertionError("no TaskSucceeded in " + childArn);
  }
}
