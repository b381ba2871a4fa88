package io.computecase.local.sfn;

import static io.computecase.local.sfn.support.ComputeCaseStack.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.sfn.support.ComputeCaseStack;
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

/**
 * The product's own state machine (asl/computecase.asl.json) end to end through the SDK: items read
 * as JSON Lines from S3, each put on the bus, the results written back to S3 by the ResultWriter.
 */
class ComputeCaseMachineTest {
  private final ComputeCaseStack stack = new ComputeCaseStack();

  @AfterEach
  void close() {
    stack.close();
  }

  private String start(ObjectNode request, int items) {
    return stack.start(stack.createMachine(), "case-1", request, ComputeCaseStack.items(items));
  }

  private List<JsonNode> awaitItems(int count) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> stack.bus.details("ComputeCaseItem").size() == count);
    return stack.bus.details("ComputeCaseItem");
  }

  /** What the worker answers for an item: its identity, a result and how long it took. */
  private static String answer(JsonNode item) {
    int index = item.path("index").asInt();
    return "{\"index\":"
        + index
        + ",\"caseId\":\""
        + item.path("item").path("caseId").asText()
        + "\",\"result\":{},\"durationMs\":"
        + (100 + index)
        + ",\"worker\":\"w1\"}";
  }

  @Test
  void everyItemIsPutOnTheBusAndTheAnswersAreWrittenToS3() {
    ObjectNode request = ComputeCaseStack.request(20);
    request.putObject("parameters").put("computeMs", 5);
    String executionArn = start(request, 20);
    List<JsonNode> items = awaitItems(20);
    assertThat(items.get(0).path("requestId").asText()).isEqualTo("case-1");
    assertThat(items.get(0).path("target").asText()).isEqualTo("default");
    assertThat(items.get(0).path("parameters").path("computeMs").asInt()).isEqualTo(5);
    assertThat(items.stream().map(d -> d.path("index").asInt()).sorted().toList())
        .containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
    assertThat(items)
        .allSatisfy(
            item ->
                assertThat(item.path("item"))
                    .isEqualTo(json("{\"caseId\": \"" + item.path("index").asInt() + "\"}")));
    for (JsonNode item : items) {
      stack.sfn.sendTaskSuccess(
          b -> b.taskToken(item.path("taskToken").asText()).output(answer(item)));
    }
    DescribeExecutionResponse ended = stack.awaitEnd(executionArn);
    assertThat(ended.status()).as(ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);

    List<MapRunListItem> runs = stack.sfn.listMapRuns(b -> b.executionArn(executionArn)).mapRuns();
    assertThat(runs).hasSize(1);
    String mapRunArn = runs.get(0).mapRunArn();
    assertThat(mapRunArn)
        .startsWith("arn:aws:states:us-east-1:000000000000:mapRun:computecase/ComputeItems:");
    String mapRunId = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
    JsonNode summary =
        json(
            """
            {"requestId": "case-1", "target": "default", "busName": "computecase",
             "mapRunArn": "%s",
             "resultWriterDetails": {"Bucket": "results",
                                     "Key": "results/case-1/%s/manifest.json"}}
            """
                .formatted(mapRunArn, mapRunId));
    assertThat(json(ended.output())).isEqualTo(summary);

    JsonNode completedEntry =
        stack.bus.entries().stream()
            .filter(e -> e.path("DetailType").asText().equals("ComputeCaseCompleted"))
            .findFirst()
            .orElseThrow();
    assertThat(completedEntry.path("EventBusName").asText()).isEqualTo("computecase");
    assertThat(completedEntry.path("Source").asText()).isEqualTo("computecase.io");
    assertThat(completedEntry.path("Resources"))
        .extracting(JsonNode::asText)
        .containsExactly(
            executionArn, "arn:aws:states:us-east-1:000000000000:stateMachine:computecase");
    assertThat(stack.bus.details("ComputeCaseCompleted")).containsExactly(summary);

    JsonNode manifest = stack.manifest("case-1", mapRunArn);
    assertThat(manifest.path("DestinationBucket").asText()).isEqualTo("results");
    assertThat(manifest.path("MapRunArn").asText()).isEqualTo(mapRunArn);
    assertThat(manifest.at("/ResultFiles/FAILED")).isEmpty();
    assertThat(manifest.at("/ResultFiles/PENDING")).isEmpty();
    List<JsonNode> succeeded = stack.results(manifest, "SUCCEEDED");
    assertThat(succeeded).hasSize(20);
    for (JsonNode entry : succeeded) {
      assertThat(entry.path("Status").asText()).isEqualTo("SUCCEEDED");
      JsonNode input = json(entry.path("Input").asText());
      assertThat(input.path("request")).isEqualTo(request);
      int index = input.path("index").asInt();
      assertThat(input.path("item")).isEqualTo(json("{\"caseId\": \"" + index + "\"}"));
      // The item's output is the worker's whole answer.
      assertThat(json(entry.path("Output").asText())).isEqualTo(json(answer(input)));
    }

    DescribeMapRunResponse run = stack.sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
    assertThat(run.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(run.itemCounts().succeeded()).isEqualTo(20);
    assertThat(run.itemCounts().total()).isEqualTo(20);
    assertThat(run.executionCounts().succeeded()).isEqualTo(20);
    assertThat(run.itemCounts().pending()).isZero();

    var children = stack.sfn.listExecutions(b -> b.mapRunArn(mapRunArn)).executions();
    assertThat(children).hasSize(20);
    assertThat(children.get(0).executionArn())
        .startsWith("arn:aws:states:us-east-1:000000000000:execution:computecase/ComputeItems:");
    assertThat(children.get(0).mapRunArn()).isEqualTo(mapRunArn);

    List<HistoryEventType> types =
        stack.sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream()
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
        stack
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
  void aFailedItemBeyondTheToleranceFailsTheMapRun() {
    String executionArn = start(ComputeCaseStack.request(4), 4);
    List<JsonNode> items = awaitItems(4);
    stack.sfn.sendTaskFailure(
        b ->
            b.taskToken(items.get(0).path("taskToken").asText())
                .error("Compute.Failed")
                .cause("boom"));
    DescribeExecutionResponse ended = stack.awaitEnd(executionArn);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    String mapRunArn = stack.mapRunArn(executionArn);
    DescribeMapRunResponse run = stack.sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
    assertThat(run.status()).isEqualTo(MapRunStatus.FAILED);
    assertThat(run.itemCounts().failed()).isEqualTo(1);
    assertThat(run.itemCounts().aborted()).isEqualTo(3);
    // The failed Map Run still exports: the failed item with its error, the others aborted.
    JsonNode manifest = stack.manifest("case-1", mapRunArn);
    assertThat(manifest.at("/ResultFiles/SUCCEEDED")).isEmpty();
    List<JsonNode> failed = stack.results(manifest, "FAILED");
    assertThat(failed)
        .extracting(e -> e.path("Status").asText())
        .containsExactlyInAnyOrder("FAILED", "ABORTED", "ABORTED", "ABORTED");
    JsonNode failure =
        failed.stream().filter(e -> e.path("Status").asText().equals("FAILED")).findFirst().get();
    assertThat(failure.path("Error").asText()).isEqualTo("Compute.Failed");
    assertThat(failure.path("Cause").asText()).isEqualTo("boom");
    assertThat(json(failure.path("Input").asText()).path("index").asInt())
        .isEqualTo(items.get(0).path("index").asInt());
    assertThat(stack.bus.details("ComputeCaseCompleted")).isEmpty();
  }

  @Test
  void toleratedFailuresLetTheCaseSucceedWithTheFailedItemInTheFailedFile() {
    // The operator's request for toleratedFailureCount: 1 (the percentage then cannot be exceeded).
    ObjectNode request = ComputeCaseStack.request(4);
    request.put("toleratedFailurePercentage", 100);
    request.put("toleratedFailureCount", 1);
    String executionArn = start(request, 4);
    List<JsonNode> items = awaitItems(4);
    stack.sfn.sendTaskFailure(
        b ->
            b.taskToken(items.get(0).path("taskToken").asText())
                .error("Compute.Failed")
                .cause("boom"));
    for (JsonNode item : items.subList(1, 4)) {
      stack.sfn.sendTaskSuccess(
          b -> b.taskToken(item.path("taskToken").asText()).output(answer(item)));
    }
    DescribeExecutionResponse ended = stack.awaitEnd(executionArn);
    assertThat(ended.status()).as(ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    String mapRunArn = stack.mapRunArn(executionArn);
    DescribeMapRunResponse run = stack.sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
    assertThat(run.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(run.toleratedFailureCount()).isEqualTo(1);
    assertThat(run.itemCounts().succeeded()).isEqualTo(3);
    assertThat(run.itemCounts().failed()).isEqualTo(1);

    JsonNode manifest = stack.manifest("case-1", mapRunArn);
    assertThat(json(ended.output()).path("resultWriterDetails").path("Key").asText())
        .isEqualTo(
            "results/case-1/"
                + mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1)
                + "/manifest.json");
    List<JsonNode> failed = stack.results(manifest, "FAILED");
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).path("Status").asText()).isEqualTo("FAILED");
    assertThat(failed.get(0).path("Error").asText()).isEqualTo("Compute.Failed");
    assertThat(failed.get(0).path("Cause").asText()).isEqualTo("boom");
    assertThat(json(failed.get(0).path("Input").asText()).path("item"))
        .isEqualTo(items.get(0).path("item"));
    assertThat(stack.results(manifest, "SUCCEEDED"))
        .extracting(e -> json(e.path("Output").asText()))
        .containsExactlyInAnyOrderElementsOf(
            items.subList(1, 4).stream().map(item -> json(answer(item))).toList());
    assertThat(stack.bus.details("ComputeCaseCompleted")).containsExactly(json(ended.output()));
  }
}
