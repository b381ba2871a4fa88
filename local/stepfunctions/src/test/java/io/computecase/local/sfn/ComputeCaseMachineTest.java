package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.support.EngineFixture;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;

/** The product's own state machine (asl/computecase.asl.json) end to end through the SDK. */
class ComputeCaseMachineTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private String start(int items, double toleratedPercentage) throws Exception {
    String machine = fixture.createMachine("computecase", "../../asl/computecase.asl.json");
    ObjectNode input = AwsJson.MAPPER.createObjectNode();
    ObjectNode request = input.putObject("request");
    request.put("requestId", "case-1");
    request.put("target", "default");
    request.putObject("parameters").put("computeMs", 5);
    request.put("busName", "computecase");
    request.put("maxConcurrency", 0);
    request.put("toleratedFailurePercentage", toleratedPercentage);
    request.put("itemTimeoutSeconds", 300);
    request.put("traceparent", "");
    ArrayNode list = input.putArray("items");
    for (int i = 0; i < items; i++) {
      list.addObject().put("caseId", String.valueOf(i));
    }
    return fixture
        .sfn
        .startExecution(b -> b.stateMachineArn(machine).name("case-1").input(input.toString()))
        .executionArn();
  }

  private List<JsonNode> awaitItems(int count) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> fixture.bus.details("ComputeCaseItem").size() == count);
    return fixture.bus.details("ComputeCaseItem");
  }

  @Test
  void everyItemIsPutOnTheBusAndTheAnswersAreSummarized() throws Exception {
    String executionArn = start(20, 0);
    List<JsonNode> items = awaitItems(20);
    assertThat(items.get(0).path("requestId").asText()).isEqualTo("case-1");
    assertThat(items.get(0).path("target").asText()).isEqualTo("default");
    assertThat(items.get(0).path("parameters").path("computeMs").asInt()).isEqualTo(5);
    assertThat(items.stream().map(d -> d.path("index").asInt()).sorted().toList())
        .containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
    for (JsonNode item : items) {
      int index = item.path("index").asInt();
      fixture.sfn.sendTaskSuccess(
          b ->
              b.taskToken(item.path("taskToken").asText())
                  .output(
                      "{\"index\":"
                          + index
                          + ",\"caseId\":\""
                          + item.path("item").path("caseId").asText()
                          + "\",\"result\":{},\"durationMs\":"
                          + (100 + index)
                          + ",\"worker\":\"w1\"}"));
    }
    DescribeExecutionResponse ended = fixture.awaitEnd(executionArn);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode output = AwsJson.MAPPER.readTree(ended.output());
    assertThat(output.path("requestId").asText()).isEqualTo("case-1");
    assertThat(output.path("itemsSucceeded").asInt()).isEqualTo(20);
    assertThat(output.path("durationMs").path("min").asInt()).isEqualTo(100);
    assertThat(output.path("durationMs").path("max").asInt()).isEqualTo(119);
    assertThat(output.path("durationMs").path("p50").asInt()).isEqualTo(109);

    JsonNode completedEntry =
        fixture.bus.entries().stream()
            .filter(e -> e.path("DetailType").asText().equals("ComputeCaseCompleted"))
            .findFirst()
            .orElseThrow();
    assertThat(completedEntry.path("EventBusName").asText()).isEqualTo("computecase");
    assertThat(completedEntry.path("Source").asText()).isEqualTo("computecase.io");
    assertThat(completedEntry.path("Resources"))
        .extracting(JsonNode::asText)
        .containsExactly(
            executionArn, "arn:aws:states:us-east-1:000000000000:stateMachine:computecase");
    List<JsonNode> completed = fixture.bus.details("ComputeCaseCompleted");
    assertThat(completed).hasSize(1);
    assertThat(completed.get(0).path("itemsSucceeded").asInt()).isEqualTo(20);

    List<MapRunListItem> runs =
        fixture.sfn.listMapRuns(b -> b.executionArn(executionArn)).mapRuns();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).mapRunArn())
        .startsWith("arn:aws:states:us-east-1:000000000000:mapRun:computecase/ComputeItems:");
    DescribeMapRunResponse run =
        fixture.sfn.describeMapRun(b -> b.mapRunArn(runs.get(0).mapRunArn()));
    assertThat(run.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(run.itemCounts().succeeded()).isEqualTo(20);
    assertThat(run.itemCounts().total()).isEqualTo(20);
    assertThat(run.executionCounts().succeeded()).isEqualTo(20);
    assertThat(run.itemCounts().pending()).isZero();

    var children =
        fixture.sfn.listExecutions(b -> b.mapRunArn(runs.get(0).mapRunArn())).executions();
    assertThat(children).hasSize(20);
    assertThat(children.get(0).executionArn())
        .startsWith("arn:aws:states:us-east-1:000000000000:execution:computecase/ComputeItems:");
    assertThat(children.get(0).mapRunArn()).isEqualTo(runs.get(0).mapRunArn());

    List<HistoryEventType> types =
        fixture.sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream()
            .map(HistoryEvent::type)
            .toList();
    assertThat(types)
        .containsSubsequence(
            HistoryEventType.EXECUTION_STARTED,
            HistoryEventType.MAP_STATE_ENTERED,
            HistoryEventType.MAP_RUN_STARTED,
            HistoryEventType.MAP_RUN_SUCCEEDED,
            HistoryEventType.MAP_STATE_EXITED,
            HistoryEventType.PASS_STATE_ENTERED,
            HistoryEventType.TASK_STATE_ENTERED,
            HistoryEventType.TASK_SCHEDULED,
            HistoryEventType.TASK_SUCCEEDED,
            HistoryEventType.EXECUTION_SUCCEEDED)
        .doesNotContain(HistoryEventType.MAP_ITERATION_STARTED);

    List<HistoryEventType> childTypes =
        fixture
            .sfn
            .getExecutionHistory(b -> b.executionArn(children.get(0).executionArn()))
            .events()
            .stream()
            .map(HistoryEvent::type)
            .toList();
    assertThat(childTypes)
        .containsExactly(
            HistoryEventType.EXECUTION_STARTED,
            HistoryEventType.TASK_STATE_ENTERED,
            HistoryEventType.TASK_SCHEDULED,
            HistoryEventType.TASK_STARTED,
            HistoryEventType.TASK_SUBMITTED,
            HistoryEventType.TASK_SUCCEEDED,
            HistoryEventType.TASK_STATE_EXITED,
            HistoryEventType.EXECUTION_SUCCEEDED);
  }

  @Test
  void aFailedItemBeyondTheToleranceFailsTheMapRun() throws Exception {
    String executionArn = start(4, 0);
    List<JsonNode> items = awaitItems(4);
    fixture.sfn.sendTaskFailure(
        b ->
            b.taskToken(items.get(0).path("taskToken").asText())
                .error("Compute.Failed")
                .cause("boom"));
    DescribeExecutionResponse ended = fixture.awaitEnd(executionArn);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    String mapRunArn =
        fixture.sfn.listMapRuns(b -> b.executionArn(executionArn)).mapRuns().get(0).mapRunArn();
    DescribeMapRunResponse run = fixture.sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
    assertThat(run.status()).isEqualTo(MapRunStatus.FAILED);
    assertThat(run.itemCounts().failed()).isEqualTo(1);
    assertThat(run.itemCounts().aborted()).isEqualTo(3);
  }

  @Test
  void toleratedFailuresLetTheCaseSucceedWithTheFailedItemsLeftOutOfTheStatistics()
      throws Exception {
    String executionArn = start(4, 50);
    List<JsonNode> items = awaitItems(4);
    fixture.sfn.sendTaskFailure(
        b ->
            b.taskToken(items.get(0).path("taskToken").asText())
                .error("Compute.Failed")
                .cause("boom"));
    for (JsonNode item : items.subList(1, 4)) {
      fixture.sfn.sendTaskSuccess(
          b -> b.taskToken(item.path("taskToken").asText()).output("{\"durationMs\":7}"));
    }
    DescribeExecutionResponse ended = fixture.awaitEnd(executionArn);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(AwsJson.MAPPER.readTree(ended.output()).path("itemsSucceeded").asInt()).isEqualTo(3);
  }
}
